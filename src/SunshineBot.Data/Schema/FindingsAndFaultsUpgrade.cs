using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Upgrade 8: the centre's finding on a complaint or report (核实结论), the published reply's conformity (答复规范,
/// 加盖公章) on the ticket, and the fault tags (问题标签) in their own table.
/// </summary>
internal static class FindingsAndFaultsUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new AddColumnOperation { Table = "tickets", Name = "Finding", ClrType = typeof(string), IsNullable = true, MaxLength = 32 },
        new AddColumnOperation { Table = "tickets", Name = "ReplyFollowsTemplate", ClrType = typeof(bool), IsNullable = true },
        new AddColumnOperation { Table = "tickets", Name = "ReplyHasStamp", ClrType = typeof(bool), IsNullable = true },
        .. new TableBuilder("ticket_faults", sqlite).Id()
            .Reference("TicketId", "tickets").Text("Kind", 32).Text("UnitCode", 32, nullable: true).Instant("At")
            .Text("ActorId", 128).Text("ActorName", 64).Text("Reason", 500)
            .Index(false, "TicketId").Build(),
    ];
}
