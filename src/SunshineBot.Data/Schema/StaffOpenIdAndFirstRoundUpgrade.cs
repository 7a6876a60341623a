using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Staff accounts may carry a WeChat OpenID (alerts then also go to that WeChat); tickets keep their first round's reply
/// time and limit when sent back (the monthly report judges "on time" on the first round).
/// </summary>
internal static class StaffOpenIdAndFirstRoundUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new AddColumnOperation { Table = "staff_users", Name = "WeChatOpenId", ClrType = typeof(string), IsNullable = true, MaxLength = 64 },
        new AddColumnOperation { Table = "tickets", Name = "FirstRoundRepliedAt", ClrType = sqlite ? typeof(long) : typeof(DateTimeOffset), IsNullable = true },
        new AddColumnOperation { Table = "tickets", Name = "FirstRoundReplyDueAt", ClrType = sqlite ? typeof(long) : typeof(DateTimeOffset), IsNullable = true },
    ];
}
