using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SunshineBot.Data.Chat;

internal sealed class ChatConversationConfiguration : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> b)
    {
        b.ToTable("chat_conversations");
        b.Property(c => c.Channel).HasConversion(ParentChannelConverter.Instance).HasMaxLength(16).IsRequired();
        b.Property(c => c.UserId).HasMaxLength(128).IsRequired();
        b.Property(c => c.StateJson).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.Channel, c.UserId }).IsUnique();
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> b)
    {
        b.ToTable("chat_messages");
        b.Property(m => m.Channel).HasConversion(ParentChannelConverter.Instance).HasMaxLength(16).IsRequired();
        b.Property(m => m.UserId).HasMaxLength(128).IsRequired();
        b.Property(m => m.Direction).HasMaxLength(8).IsRequired();
        b.Property(m => m.Kind).HasMaxLength(8).IsRequired();
        b.Property(m => m.Text).HasMaxLength(4000);
        b.Property(m => m.ImageUrl).HasMaxLength(300);
        b.Property(m => m.Source).HasMaxLength(16).IsRequired();
        b.HasIndex(m => new { m.Channel, m.UserId, m.Id });
    }
}

internal sealed class ChatInboundConfiguration : IEntityTypeConfiguration<ChatInbound>
{
    public void Configure(EntityTypeBuilder<ChatInbound> b)
    {
        b.ToTable("chat_inbound");
        b.Property(m => m.Channel).HasConversion(ParentChannelConverter.Instance).HasMaxLength(16).IsRequired();
        b.Property(m => m.MessageId).HasMaxLength(128).IsRequired();
        b.Property(m => m.UserId).HasMaxLength(128).IsRequired();
        b.Property(m => m.RepliesJson).IsRequired();
        b.HasIndex(m => new { m.Channel, m.MessageId }).IsUnique();
    }
}
