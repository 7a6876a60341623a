using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>The outbox: messages written with the change that caused them and sent later by a dispatcher.</summary>
internal static class OutboxTableUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("outbox", sqlite).Id()
            .Text("Channel", 16).Text("Recipient", 128).Text("Kind", 32).Text("PayloadJson").Text("Route", 32).Text("Status", 32)
            .Counter("Attempts").Instant("NextAttemptAt").Text("LastError", 1000, nullable: true).Instant("CreatedAt")
            .Instant("SentAt", nullable: true).Text("SourceRef", 160, nullable: true).Text("ClaimedBy", 100, nullable: true)
            .Instant("ClaimedUntil", nullable: true)
            .Index(false, "Status", "NextAttemptAt").Index(false, "SourceRef").Build(),
    ];
}
