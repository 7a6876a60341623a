using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Tickets;

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> b)
    {
        b.ToTable("ticket_counters");
        b.HasKey(c => c.Day);
        b.Property(c => c.Day).HasColumnName("day").HasMaxLength(16);
        b.Property(c => c.Value).HasColumnName("value");
    }
}
