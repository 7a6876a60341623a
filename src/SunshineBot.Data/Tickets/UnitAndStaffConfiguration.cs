using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;

namespace SunshineBot.Data.Tickets;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.HasKey(u => u.Id);
        b.Property(u => u.Code).HasMaxLength(32).IsRequired();
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(100).IsRequired();
        b.Property(u => u.ParentCode).HasMaxLength(32);
        b.Property(u => u.Path).HasMaxLength(400).IsRequired();
        b.HasIndex(u => u.Path);
        b.Property(u => u.ContactPhone).HasMaxLength(30);
        b.Property(u => u.StampImageRef).HasMaxLength(300);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.ToTable("staff_users");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserName).HasMaxLength(40).IsRequired();
        b.HasIndex(u => u.UserName).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(64).IsRequired();
        b.Property(u => u.PasswordHash).HasMaxLength(400).IsRequired();
        b.Property(u => u.UnitCode).HasMaxLength(32).IsRequired();
        b.Property(u => u.WeChatOpenId).HasMaxLength(64);
        b.Property(u => u.Version).IsConcurrencyToken();
    }
}
