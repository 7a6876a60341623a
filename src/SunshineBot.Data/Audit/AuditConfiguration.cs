using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Kind).HasMaxLength(32).IsRequired();
        b.Property(a => a.Actor).HasMaxLength(64).IsRequired();
        b.Property(a => a.ActorUnitCode).HasMaxLength(64);
        b.Property(a => a.Subject).HasMaxLength(100);
        b.Property(a => a.Detail).HasMaxLength(500);
        b.Property(a => a.Address).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Kind, a.At });
    }
}
