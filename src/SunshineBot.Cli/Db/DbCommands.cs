using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SunshineBot.Data;
using SunshineBot.Data.Schema;

namespace SunshineBot.Cli.Db;

/// <summary><c>sunshinebot db migrate</c>: applies the schema to the configured database (same keys as the web host).</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "创建或升级数据库结构（读取与网站相同的配置）");
        migrate.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var configuration = CliConfiguration.Build();
            var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            await using var db = CliServices.OpenDatabase(configuration);
            var migrator = new SchemaMigrator(db);
            var before = await migrator.CurrentVersionAsync(ct);
            var applied = await migrator.MigrateAsync(ct);
            output.WriteLine(applied.Count == 0
                ? $"数据库已是最新版本（{before}），无需变更。"
                : $"数据库（{options.Provider}）已从版本 {before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空库"} 升级到 {applied[^1]}。");
            return 0;
        });
        return new Command("db", "数据库") { migrate };
    }
}
