using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>The WeChat access token shared by all instances (one row per AppId).</summary>
internal static class WeChatTokenTableUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("wechat_access_tokens", sqlite).Id()
            .Text("AppId", 64).Text("Token", 512).Instant("FetchedAt").Instant("ExpiresAt")
            .Index(true, "AppId").Build(),
    ];
}
