using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Handling steps on tickets: acknowledgement (签收), re-dispatch count and the last hand-back reason (退回),
/// supervision flags with their deadline, and the on-site visit.
/// </summary>
internal static class HandlingStepsUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite)
    {
        var instant = sqlite ? typeof(long) : typeof(DateTimeOffset);
        return
        [
            new AddColumnOperation { Table = "tickets", Name = "AcknowledgedAt", ClrType = instant, IsNullable = true },
            new AddColumnOperation { Table = "tickets", Name = "AcknowledgedBy", ClrType = typeof(string), IsNullable = true, MaxLength = 64 },
            new AddColumnOperation { Table = "tickets", Name = "RedispatchCount", ClrType = typeof(int), IsNullable = false, DefaultValue = 0 },
            new AddColumnOperation { Table = "tickets", Name = "HandBackReason", ClrType = typeof(string), IsNullable = true, MaxLength = 500 },
            new AddColumnOperation { Table = "tickets", Name = "Flag", ClrType = typeof(string), IsNullable = true, MaxLength = 32 },
            new AddColumnOperation { Table = "tickets", Name = "FlagDueAt", ClrType = instant, IsNullable = true },
            new AddColumnOperation { Table = "tickets", Name = "OnSiteVisitRequired", ClrType = typeof(bool), IsNullable = false, DefaultValue = false },
            new AddColumnOperation { Table = "tickets", Name = "VisitRecord", ClrType = typeof(string), IsNullable = true, MaxLength = 2000 },
            new AddColumnOperation { Table = "tickets", Name = "VisitedAt", ClrType = instant, IsNullable = true },
        ];
    }
}
