using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Knowledge;

/// <summary>
/// One answer the knowledge base gave (or could not give), with the question: what parents ask, which entries
/// answer them, and — once the parent says so — whether it helped (the knowledge-base error rate of seed 004).
/// </summary>
public sealed class KbAnswerRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Question { get; set; } = "";

    /// <summary>Answered, NotSure or Empty.</summary>
    public string Status { get; set; } = "";

    /// <summary>The entry shown as the answer (or the first suggestion when not sure).</summary>
    public string? EntryId { get; set; }

    public double Score { get; set; }

    /// <summary>The parent's feedback: null until asked.</summary>
    public bool? Helpful { get; set; }
}

internal sealed class KbAnswerRecordConfiguration : IEntityTypeConfiguration<KbAnswerRecord>
{
    public void Configure(EntityTypeBuilder<KbAnswerRecord> b)
    {
        b.ToTable("kb_answer_log");
        b.HasKey(r => r.Id);
        b.Property(r => r.Question).HasMaxLength(500).IsRequired();
        b.Property(r => r.Status).HasMaxLength(16).IsRequired();
        b.Property(r => r.EntryId).HasMaxLength(100);
        b.HasIndex(r => r.At);
        b.HasIndex(r => r.EntryId);
    }
}
