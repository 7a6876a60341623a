using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Issue 12's speed targets on a seeded SQLite file (<c>SUNSHINE_BENCH_DB</c>, made by
/// <c>sunshinebot dev seed --tickets 1000000</c>): a year's metrics and a zhuhui-2019 score for the whole tree, and
/// the centre admin's first queue page, through the same classes the API and the CLI use.
/// </summary>
public class ReportBenchmarks : IDisposable
{
    private SunshineDbContext _db = null!;
    private BuildReports _reports = null!;
    private ListTickets _queue = null!;
    private Unit _root = null!;
    private Rubric _rubric = null!;
    private StaffMember _admin = null!;
    private DateOnly _from;
    private DateOnly _to;

    [GlobalSetup]
    public void Setup()
    {
        var calendar = CalendarFile.Load(CalendarFile.ResolvePath(null, Directory.GetCurrentDirectory()));
        _db = ReportDatabase.Open(ReportDatabase.Path(null));
        _root = _db.Units.AsNoTracking().Where(u => u.ParentCode == null).OrderBy(u => u.Id).First();
        (_from, _to) = ReportDatabase.LastYear(calendar);
        _reports = new BuildReports(_db, calendar, new ReportOptions(), TimeProvider.System);
        _rubric = RubricFile.Find("zhuhui-2019") ?? throw new InvalidOperationException("no rubric zhuhui-2019");
        _admin = new StaffMember(1, "bench", "基准", StaffRole.CentreAdmin, _root.Code, _root.Name, _root.Path, IsRootUnit: true);
        _queue = new ListTickets(
            new StaffAccess(_db), new DeadlinePolicy(calendar, new DeadlineOptions()), calendar, Options.Create(new StaffOptions()), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> YearMetrics() => (await _reports.MetricsAsync(_root, _from, _to, CancellationToken.None)).Metrics.Received;

    [Benchmark]
    public async Task<decimal> YearScoreWholeTree() => (await _reports.ScoreAsync(_rubric, _root, _from, _to, CancellationToken.None)).Units[0].Score;

    [Benchmark]
    public async Task<int> QueueFirstPage() => (await _queue.RunAsync(_admin, new QueueFilter(), CancellationToken.None)).Items.Count;
}
