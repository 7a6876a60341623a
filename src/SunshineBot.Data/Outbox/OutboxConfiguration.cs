using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Outbox;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox");
        b.Property(m => m.Channel).HasMaxLength(16).IsRequired();
        b.Property(m => m.Recipient).HasMaxLength(128).IsRequired();
        b.Property(m => m.PayloadJson).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.Property(m => m.SourceRef).HasMaxLength(160);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.SourceRef);
    }
}
