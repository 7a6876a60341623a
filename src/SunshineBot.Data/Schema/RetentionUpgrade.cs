using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Tickets record when the retention job anonymised them (null while the parent's data is kept): the job's
/// idempotency mark and what the pages show instead of the removed data.
/// </summary>
internal static class RetentionUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new AddColumnOperation { Table = "tickets", Name = TicketRetention.AnonymisedAt, ClrType = sqlite ? typeof(long) : typeof(DateTimeOffset), IsNullable = true },
    ];
}
