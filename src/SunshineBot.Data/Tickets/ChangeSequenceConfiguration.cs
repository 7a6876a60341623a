using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Tickets;

internal sealed class ChangeSequenceConfiguration : IEntityTypeConfiguration<ChangeSequence>
{
    public void Configure(EntityTypeBuilder<ChangeSequence> b)
    {
        b.ToTable("change_sequences");
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasColumnName("name").HasMaxLength(32);
        b.Property(c => c.Value).HasColumnName("value");
    }
}
