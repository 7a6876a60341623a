using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Jobs;

internal sealed class JobMarkConfiguration : IEntityTypeConfiguration<JobMark>
{
    public void Configure(EntityTypeBuilder<JobMark> b)
    {
        b.ToTable("job_marks");
        b.Property(m => m.Key).HasMaxLength(200).IsRequired();
        b.HasIndex(m => m.Key).IsUnique();
    }
}

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> b)
    {
        b.ToTable("staff_notifications");
        b.Property(n => n.Key).HasMaxLength(200).IsRequired();
        b.Property(n => n.UserName).HasMaxLength(64).IsRequired();
        b.Property(n => n.Kind).HasMaxLength(32).IsRequired();
        b.Property(n => n.TicketNumber).HasMaxLength(32);
        b.Property(n => n.Text).HasMaxLength(1000).IsRequired();
        b.HasIndex(n => n.Key).IsUnique();
        b.HasIndex(n => new { n.UserName, n.CreatedAt });
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    // A time of day as "HH:mm" text on both providers.
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TimeOnly, string> ClockTime = new(
        t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        s => TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture));

    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.ToTable("duty_roster");
        // A date as "yyyy-MM-dd" text on both providers: sorts and compares as the date it is.
        b.Property(s => s.Day).HasMaxLength(10).HasConversion(
            d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        b.Property(s => s.UserName).HasMaxLength(64).IsRequired();
        b.Property(s => s.Note).HasMaxLength(200);
        b.Property(s => s.UnitCode).HasMaxLength(64);
        b.Property(s => s.StartsAt).HasMaxLength(5).HasConversion(ClockTime);
        b.Property(s => s.EndsAt).HasMaxLength(5).HasConversion(ClockTime);
        b.Property(s => s.Phone).HasMaxLength(32);
        b.HasIndex(s => new { s.Day, s.UserName }).IsUnique();
        b.HasIndex(s => new { s.UnitCode, s.Day });
    }
}

internal sealed class MonthlyReportRowConfiguration : IEntityTypeConfiguration<MonthlyReportRow>
{
    public void Configure(EntityTypeBuilder<MonthlyReportRow> b)
    {
        b.ToTable("monthly_reports");
        b.Property(r => r.Month).HasMaxLength(7).IsRequired();
        b.Property(r => r.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(r => r.UnitName).HasMaxLength(100).IsRequired();
        b.Property(r => r.KindsJson).IsRequired();
        b.Property(r => r.CategoriesJson).IsRequired();
        b.HasIndex(r => new { r.Month, r.UnitCode }).IsUnique();
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_runs");
        b.Property(r => r.JobKey).HasMaxLength(200).IsRequired();
        b.Property(r => r.Instance).HasMaxLength(200).IsRequired();
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => new { r.JobKey, r.FinishedAt });
    }
}
