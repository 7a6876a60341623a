using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Reports;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Reports;

namespace SunshineBot.Benchmarks;

/// <summary>
/// <c>reports DB</c>: one pass of each phase of a year's metrics and a rubric score for the whole tree of a seeded
/// SQLite file (<c>sunshinebot dev seed --tickets 1000000</c>), each timed, so a profile shows where the time goes
/// before anything is changed.
/// </summary>
internal static class ReportProfile
{
    public static async Task RunAsync(string database, TextWriter output)
    {
        var calendar = CalendarFile.Load(CalendarFile.ResolvePath(null, Directory.GetCurrentDirectory()));
        var options = new ReportOptions();
        await using var db = ReportDatabase.Open(database);
        var root = await db.Units.AsNoTracking().Where(u => u.ParentCode == null).OrderBy(u => u.Id).FirstAsync();
        var (from, to) = ReportDatabase.LastYear(calendar);
        var reports = new BuildReports(db, calendar, options, TimeProvider.System);
        var rubric = RubricFile.Find("zhuhui-2019") ?? throw new InvalidOperationException("no rubric zhuhui-2019");
        for (var pass = 1; pass <= 3; pass++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var period = reports.Period(from, to);
            var codes = await db.Units.Select(u => u.Code).ToListAsync();
            var facts = await TicketFacts.LoadAsync(db, codes, withoutUnit: true, period, CancellationToken.None);
            var load = watch.Elapsed;
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var kb = await TicketFacts.LoadKbAsync(db, period, CancellationToken.None);
            var kbTime = watch.Elapsed - load;
            watch.Restart();
            _ = MeasureService.Run(facts, kb, period, calendar, options);
            var measure = watch.Elapsed;
            watch.Restart();
            _ = await reports.MetricsAsync(root, from, to, CancellationToken.None);
            var metrics = watch.Elapsed;
            watch.Restart();
            var sheet = await reports.ScoreAsync(rubric, root, from, to, CancellationToken.None);
            var score = watch.Elapsed;
            output.WriteLine(
                $"pass {pass}: {facts.Count:N0} facts; load {load.TotalMilliseconds:0} ms ({loadCpu.TotalMilliseconds:0} ms CPU), kb {kbTime.TotalMilliseconds:0} ms, " +
                $"measure {measure.TotalMilliseconds:0} ms; MetricsAsync {metrics.TotalMilliseconds:0} ms; " +
                $"ScoreAsync {score.TotalMilliseconds:0} ms ({sheet.Units.Count} units)");
        }
    }
}
