using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SunshineBot.Core.Scoring;

namespace SunshineBot.Data.Reports;

/// <summary>A supervisor's score for a manual rubric item, one unit and period (rows are added, never changed: the last counts).</summary>
public sealed class ManualScoreRecord
{
    public long Id { get; set; }

    public required string RubricId { get; set; }

    public required string ItemId { get; set; }

    public required string UnitCode { get; set; }

    public DateOnly FromDate { get; set; }

    public DateOnly ToDate { get; set; }

    public double Score { get; set; }

    public required string Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public ManualEntry ToEntry() => new(RubricId, ItemId, UnitCode, FromDate, ToDate, (decimal)Score, Note, EnteredBy, EnteredAt);
}

internal sealed class ManualScoreConfiguration : IEntityTypeConfiguration<ManualScoreRecord>
{
    public void Configure(EntityTypeBuilder<ManualScoreRecord> b)
    {
        b.ToTable("rubric_manual_scores");
        b.HasKey(r => r.Id);
        b.Property(r => r.RubricId).HasMaxLength(64);
        b.Property(r => r.ItemId).HasMaxLength(32);
        b.Property(r => r.UnitCode).HasMaxLength(32);
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.EnteredBy).HasMaxLength(64);
        b.HasIndex(r => new { r.RubricId, r.FromDate, r.ToDate });
    }
}
