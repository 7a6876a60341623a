using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.WeChat;

internal sealed class WeChatAccessTokenConfiguration : IEntityTypeConfiguration<WeChatAccessTokenRecord>
{
    public void Configure(EntityTypeBuilder<WeChatAccessTokenRecord> b)
    {
        b.ToTable("wechat_access_tokens");
        b.Property(t => t.AppId).HasMaxLength(64).IsRequired();
        b.Property(t => t.Token).HasMaxLength(512).IsRequired();
        b.HasIndex(t => t.AppId).IsUnique();
    }
}
