using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Reports;

namespace SunshineBot.Cli.Reports;

/// <summary>
/// <c>sunshinebot report metrics|score</c>: the service metrics and a rubric's score sheet for a unit subtree and period,
/// from the configured database (the same numbers as the staff API and the dashboard).
/// </summary>
internal static class ReportCommands
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "开始日期，如 2026-01-01", Required = true };
        var to = new Option<string>("--to") { Description = "结束日期（含），如 2026-12-31", Required = true };
        var unit = new Option<string?>("--unit") { Description = "单位代码（默认最上级单位）" };
        var json = new Option<bool>("--json") { Description = "输出 JSON" };
        var metrics = new Command("metrics", "服务指标：受理量、按时答复与办结、满意率、一次办结率、重办、催办、用时、知识库") { from, to, unit, json };
        metrics.SetAction((r, ct) => RunAsync(r, from, to, unit, async (reports, u, f, t, output) =>
        {
            var report = await reports.MetricsAsync(u, f, t, ct);
            if (r.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, ScoreSheetFiles.Json));
            }
            else
            {
                MetricsText.Write(report, output);
            }
        }, ct));

        var rubric = new Option<string>("--rubric") { Description = "评分细则：zhuhui-2019、weifang-2020、changzhou-12345、hunan-2014", Required = true };
        var scoreJson = new Option<bool>("--json") { Description = "输出 JSON" };
        var xlsx = new Option<string?>("--xlsx") { Description = "同时写出 Excel 评分表到此文件" };
        var scoreFrom = new Option<string>("--from") { Description = "开始日期", Required = true };
        var scoreTo = new Option<string>("--to") { Description = "结束日期（含）", Required = true };
        var scoreUnit = new Option<string?>("--unit") { Description = "单位代码（默认最上级单位）；给出该单位及其下级各单位的评分表" };
        var score = new Command("score", "按评分细则计算各单位得分，每项扣分列出工单号") { rubric, scoreFrom, scoreTo, scoreUnit, scoreJson, xlsx };
        score.SetAction((r, ct) => RunAsync(r, scoreFrom, scoreTo, scoreUnit, async (reports, u, f, t, output) =>
        {
            var id = r.GetValue(rubric)!.Trim();
            var book = RubricFile.Find(id) ?? throw new DomainException($"没有评分细则 {id}（可选：{string.Join("、", RubricFile.Ids())}）。");
            var sheet = await reports.ScoreAsync(book, u, f, t, ct);
            if (r.GetValue(xlsx) is { Length: > 0 } file)
            {
                await File.WriteAllBytesAsync(file, ScoreSheetFiles.WriteXlsx(sheet), ct);
            }

            if (r.GetValue(scoreJson))
            {
                output.WriteLine(ScoreSheetFiles.WriteJson(sheet));
                return;
            }

            output.WriteLine($"{sheet.Title}（{sheet.From:yyyy-MM-dd} 至 {sheet.To:yyyy-MM-dd}）");
            foreach (var s in sheet.Units)
            {
                output.WriteLine(FormattableString.Invariant($"{s.Code} {s.Name}：{s.Score:0.##} / {s.Max:0.##}"));
                foreach (var i in s.Items.Where(i => i.Deductions.Count > 0))
                {
                    foreach (var d in i.Deductions)
                    {
                        output.WriteLine(FormattableString.Invariant($"  {i.Id} {i.Title} −{d.Points:0.##}：{d.Reason}{(d.Tickets.Count > 0 ? " [" + string.Join(" ", d.Tickets.Take(20)) + (d.Tickets.Count > 20 ? " …" : "") + "]" : "")}"));
                    }
                }
            }
        }, ct));

        return new Command("report", "报表：服务指标与评分") { metrics, score };
    }

    private static async Task<int> RunAsync(
        ParseResult result, Option<string> fromOption, Option<string> toOption, Option<string?> unitOption,
        Func<BuildReports, Unit, DateOnly, DateOnly, TextWriter, Task> action, CancellationToken ct)
    {
        var error = result.InvocationConfiguration.Error;
        if (!TryDate(result.GetValue(fromOption), out var from) || !TryDate(result.GetValue(toOption), out var to))
        {
            error.WriteLine("日期格式应为 yyyy-MM-dd，如 2026-01-01。");
            return 1;
        }

        var configuration = CliConfiguration.Build();
        await using var db = CliServices.OpenDatabase(configuration);
        try
        {
            var calendar = CalendarFile.Load(CalendarFile.ResolvePath(configuration[$"{CalendarOptions.Section}:Path"], Directory.GetCurrentDirectory()));
            var reportOptions = configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new ReportOptions();
            var code = result.GetValue(unitOption)?.Trim().ToUpperInvariant();
            var unit = code is null
                ? await db.Units.AsNoTracking().Where(u => u.ParentCode == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct) ?? throw new DomainException("数据库中还没有单位。")
                : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new DomainException($"单位 {code} 不存在。");
            await action(new BuildReports(db, calendar, reportOptions, TimeProvider.System), unit, from, to, result.InvocationConfiguration.Output);
            return 0;
        }
        catch (DomainException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
