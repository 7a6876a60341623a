using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Each stored limit of a ticket keeps its mark when it was counted past the working-day calendar's end: the last date
/// whose holidays were known (null when counted on the full calendar). The flag pages and the API show, and where the
/// recount starts once an imported year covers it (Core/Deadlines/CalendarEstimate.cs).
/// </summary>
internal static class CalendarEstimateUpgrade
{
    public static readonly string[] Columns = ["FirstReplyDueEstimatedAfter", "DueEstimatedAfter", "FlagDueEstimatedAfter"];

    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
        [.. Columns.Select(c => new AddColumnOperation { Table = "tickets", Name = c, ClrType = typeof(DateOnly), IsNullable = true })];
}
