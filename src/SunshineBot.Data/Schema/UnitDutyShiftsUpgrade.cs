using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// The duty roster per unit: each line names its unit, the shift's hours and a phone number. Lines from before keep
/// no unit and count as the service centre's (whole day).
/// </summary>
internal static class UnitDutyShiftsUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new AddColumnOperation { Table = "duty_roster", Name = "UnitCode", ClrType = typeof(string), IsNullable = true, MaxLength = 64 },
        new AddColumnOperation { Table = "duty_roster", Name = "StartsAt", ClrType = typeof(string), IsNullable = true, MaxLength = 5 },
        new AddColumnOperation { Table = "duty_roster", Name = "EndsAt", ClrType = typeof(string), IsNullable = true, MaxLength = 5 },
        new AddColumnOperation { Table = "duty_roster", Name = "Phone", ClrType = typeof(string), IsNullable = true, MaxLength = 32 },
        new CreateIndexOperation { Name = "IX_duty_roster_UnitCode_Day", Table = "duty_roster", Columns = ["UnitCode", "Day"] },
    ];
}
