using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Schema;

namespace SunshineBot.Cli.Privacy;

/// <summary>
/// <c>sunshinebot privacy reseal</c>: re-encrypts every stored name and phone number under the current Data
/// Protection key and recomputes the blind index with the configured <c>Privacy:BlindIndexKey</c> — after rotating
/// either (docs/security.md, "Rotating keys"). One transaction; run it with every instance stopped.
/// </summary>
internal static class PrivacyCommands
{
    public static Command Create()
    {
        var reseal = new Command("reseal", "用当前密钥重新加密所有工单的姓名和电话，并按当前盲索引密钥重建电话索引（轮换密钥后运行，运行前停止所有实例）");
        reseal.SetAction(async (r, ct) =>
        {
            var configuration = CliConfiguration.Build();
            await using var db = CliServices.OpenDatabase(configuration);
            await new SchemaMigrator(db).MigrateAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var count = await ContactSealing.RunAsync(db, resealAll: true, ct);
            await tx.CommitAsync(ct);
            r.InvocationConfiguration.Output.WriteLine($"已重新加密 {count} 件工单的联系方式，电话索引已按当前密钥重建。");
            return 0;
        });
        return new Command("privacy", "个人信息保护") { reseal };
    }
}
