using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>The security audit log (sign-ins, lockouts, reveals, exports, account and role changes).</summary>
internal static class AuditLogUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("audit_log", sqlite).Id()
            .Instant("At").Text("Kind", 32).Text("Actor", 64).Text("ActorUnitCode", 64, nullable: true)
            .Text("Subject", 100, nullable: true).Text("Detail", 500, nullable: true).Text("Address", 64, nullable: true)
            .Index(false, "At").Index(false, "Kind", "At").Build(),
    ];
}
