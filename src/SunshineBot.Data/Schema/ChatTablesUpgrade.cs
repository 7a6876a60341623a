using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>Upgrade 3: the chat (conversation state, message log, inbound de-duplication).</summary>
internal static class ChatTablesUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("chat_conversations", sqlite).Id()
            .Text("Channel", 16).Text("UserId", 128).Text("StateJson").Instant("UpdatedAt").Counter("Version")
            .Index(true, "Channel", "UserId").Build(),
        .. new TableBuilder("chat_messages", sqlite).Id()
            .Text("Channel", 16).Text("UserId", 128).Text("Direction", 8).Text("Kind", 8).Text("Text", 4000, nullable: true)
            .Text("ChoicesJson", nullable: true).Text("ImageUrl", 300, nullable: true).Text("Source", 16).Instant("At")
            .Index(false, "Channel", "UserId", "Id").Build(),
        .. new TableBuilder("chat_inbound", sqlite).Id()
            .Text("Channel", 16).Text("MessageId", 128).Text("UserId", 128).Text("RepliesJson").Instant("At")
            .Index(true, "Channel", "MessageId").Build(),
    ];
}
