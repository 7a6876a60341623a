using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Ledger;
using SunshineBot.Data.Audit;
using SunshineBot.Data.Ledger;

namespace SunshineBot.Cli.Ledger;

/// <summary>
/// <c>sunshinebot ledger import FILE [--dry-run]</c> and <c>sunshinebot ledger export FILE [--from] [--to]</c>. The
/// export is unmasked (names and phones as recorded), for moving tickets into another installation: only the operator
/// who runs the server (and so holds the database) can make it; staff pages and the API always mask. Each export is
/// recorded in the audit log (安全日志) as <c>cli:</c> and the operating-system user.
/// </summary>
internal static class LedgerCommands
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "台账文件（.xlsx 或 .csv，列名见 docs/staff.md）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只检查，不写入数据库" };
        var import = new Command("import", "导入历史工单台账：逐行检查，有任何错误则一条都不导入；按工单号去重") { file, dryRun };
        import.SetAction((r, ct) => ImportAsync(r, r.GetValue(file)!, r.GetValue(dryRun), ct));

        var target = new Argument<string>("file") { Description = "输出文件（.xlsx 或 .csv）" };
        var from = new Option<string?>("--from") { Description = "受理日期从（含），如 2026-01-01" };
        var to = new Option<string?>("--to") { Description = "受理日期到（含），如 2026-12-31" };
        var export = new Command("export", "导出未打码的完整台账（用于迁移和重新导入；含个人信息，请妥善保管）") { target, from, to };
        export.SetAction((r, ct) => ExportAsync(r, r.GetValue(target)!, r.GetValue(from), r.GetValue(to), ct));
        return new Command("ledger", "工单台账导入导出") { import, export };
    }

    private static async Task<int> ImportAsync(ParseResult r, string path, bool dryRun, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        var error = r.InvocationConfiguration.Error;
        List<string[]> lines;
        try
        {
            lines = ImportLedger.ReadFile(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e is FileNotFoundException or DirectoryNotFoundException ? $"找不到文件「{path}」。" : e.Message);
            return 2;
        }

        var configuration = CliConfiguration.Build();
        await using var db = CliServices.OpenDatabase(configuration);
        var result = await new ImportLedger(db, CliServices.LoadDeadlines(configuration)).RunAsync(lines, dryRun, ct);
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                error.WriteLine(problem.ToString());
            }

            error.WriteLine($"共 {result.Problems.Count} 处问题，涉及 {result.Problems.Select(p => p.Row).Distinct().Count()} 行；没有导入任何工单。");
            return 1;
        }

        output.WriteLine(dryRun
            ? $"检查通过（未写入）：共 {result.Rows} 行，将导入 {result.Imported} 件，已存在跳过 {result.Skipped} 件。"
            : $"已导入 {result.Imported} 件工单，已存在跳过 {result.Skipped} 件（共 {result.Rows} 行）。");
        return 0;
    }

    private static async Task<int> ExportAsync(ParseResult r, string path, string? from, string? to, CancellationToken ct)
    {
        var error = r.InvocationConfiguration.Error;
        var kind = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => LedgerFileKind.Xlsx,
            ".csv" => (LedgerFileKind?)LedgerFileKind.Csv,
            _ => null,
        };
        var (start, end) = (Day(from), Day(to));
        if (kind is null || (from is not null && start is null) || (to is not null && end is null))
        {
            error.WriteLine(kind is null ? "输出文件须为 .xlsx 或 .csv。" : "日期应写成 2026-01-01。");
            return 2;
        }

        var configuration = CliConfiguration.Build();
        var calendar = CliServices.LoadCalendar(configuration);
        await using var db = CliServices.OpenDatabase(configuration);
        var query = db.Tickets.AsNoTracking();
        if (start is { } s)
        {
            var at = LedgerParser.StartOfDay(calendar, s);
            query = query.Where(t => t.ReceivedAt >= at);
        }

        if (end is { } e)
        {
            var at = LedgerParser.StartOfDay(calendar, e.AddDays(1));
            query = query.Where(t => t.ReceivedAt < at);
        }

        var tickets = await query.OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var rows = await LedgerSheet.RowsAsync(db, tickets, calendar, (_, text) => text ?? "", masked: false, ct);
        await File.WriteAllBytesAsync(path, LedgerSheet.Write(kind.Value, rows), ct);

        // The same audit log as the staff pages' exports: who took the unmasked file, how many tickets, where to.
        db.AuditLog.Add(new AuditEntry
        {
            At = TimeProvider.System.GetUtcNow(),
            Kind = "export",
            Actor = Cut("cli:" + Environment.UserName, 64),
            Subject = null,
            Detail = Cut($"未打码台账 {rows.Count} 条（{LedgerSheet.Extension(kind.Value)}，命令行）→ {Path.GetFullPath(path)}", 500),
        });
        await db.SaveChangesAsync(ct);
        r.InvocationConfiguration.Output.WriteLine($"已导出 {rows.Count} 件工单到 {path}。文件含来访人姓名和电话（未打码），请按个人信息保管，用完删除。");
        return 0;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
