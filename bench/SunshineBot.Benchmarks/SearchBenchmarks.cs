using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Search;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Issue 15's staff-search target (a search's first page ≤ 200 ms at 1M tickets) on a seeded SQLite file
/// (<c>SUNSHINE_BENCH_DB</c>): the ticket index is caught up into <c>SUNSHINE_BENCH_INDEX</c> (default: the file's
/// name + <c>.ticket-index</c>; the first run builds it, later runs reuse it), then the queue with <c>q</c> runs through
/// the same classes as the API, for the centre admin (no scope filter) and a county admin (a subtree).
/// </summary>
public class SearchBenchmarks : IDisposable
{
    /// <summary>Words staff type: a common matter, a rarer one, a school, a synonym (练习册 → 教辅).</summary>
    public static readonly string[] Words = ["教辅资料", "校服费", "实验小学", "练习册", "午托 收费"];

    private ServiceProvider _services = null!;
    private TicketIndex _index = null!;
    private StaffMember _admin = null!;
    private StaffMember _county = null!;

    [ParamsSource(nameof(Words))]
    public string Q { get; set; } = "";

    [GlobalSetup]
    public void Setup() => Open(ReportDatabase.Path(null), Console.Out);

    /// <summary>Opens the database and the index and catches the index up, printing how long that took.</summary>
    public void Open(string file, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        using (ReportDatabase.Open(file))
        {
            // Brings an older seeded file to the current schema (the change sequence).
        }

        var calendar = CalendarFile.Load(CalendarFile.ResolvePath(null, Directory.GetCurrentDirectory()));
        var collection = new ServiceCollection();
        collection.AddDbContext<SunshineDbContext>(o => DataServiceCollectionExtensions.Configure(o, DatabaseProvider.Sqlite, $"Data Source={file}"));
        collection.AddSingleton(calendar);
        _services = collection.BuildServiceProvider();
        var indexPath = Environment.GetEnvironmentVariable("SUNSHINE_BENCH_INDEX") ?? file + ".ticket-index";
        var options = Options.Create(new TicketSearchOptions { IndexPath = indexPath, BatchSize = 5000 });
        var environment = new HostingEnvironment { ContentRootPath = Directory.GetCurrentDirectory() };
        _index = new TicketIndex(_services.GetRequiredService<IServiceScopeFactory>(), new TicketAnalysis(BenchPaths.KbDirectory()), options, environment, NullLogger<TicketIndex>.Instance);
        var watch = Stopwatch.StartNew();
        var read = 0;
        for (int n; (n = _index.CatchUpAsync(50_000, CancellationToken.None).GetAwaiter().GetResult()) > 0;)
        {
            read += n;
            log.WriteLine($"index: {read} tickets caught up, {watch.Elapsed.TotalSeconds:0} s");
        }

        log.WriteLine($"index at change {_index.Sequence}: {read} tickets read in {watch.Elapsed.TotalSeconds:0.0} s ({indexPath})");
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var root = db.Units.AsNoTracking().Where(u => u.ParentCode == null).OrderBy(u => u.Id).First();
        var county = db.Units.AsNoTracking().Where(u => u.ParentCode != null && u.Path.Length > root.Path.Length).OrderBy(u => u.Path.Length).ThenBy(u => u.Id).Skip(1).First();
        _admin = Member(root, root.ParentCode is null);
        _county = Member(county, false);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> SearchFirstPageCentre() => await FirstPageAsync(_admin, Q);

    [Benchmark]
    public async Task<int> SearchFirstPageCounty() => await FirstPageAsync(_county, Q);

    /// <summary>The <c>search</c> mode: each word ten times for both members, wall time per first page.</summary>
    public async Task RunAsync(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (var member in new[] { _admin, _county })
        {
            foreach (var word in Words)
            {
                var times = new List<double>();
                var hits = 0;
                for (var i = 0; i < 10; i++)
                {
                    var watch = Stopwatch.StartNew();
                    hits = await FirstPageAsync(member, word);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                log.WriteLine($"{member.UnitCode,-16} q={word,-10} total {hits,8}  first page: median {times[5]:0} ms, max {times[^1]:0} ms (first {times[0]:0} ms sorted)");
            }
        }
    }

    private async Task<int> FirstPageAsync(StaffMember member, string q)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var access = new StaffAccess(db);
        var options = Options.Create(new TicketSearchOptions());
        var queue = new ListTickets(
            access, new DeadlinePolicy(calendar, new DeadlineOptions()), calendar, Options.Create(new StaffOptions()), TimeProvider.System,
            new SearchTickets(_index, access, calendar, options));
        return (await queue.RunAsync(member, new QueueFilter { Q = q }, CancellationToken.None)).Total;
    }

    private static StaffMember Member(Unit unit, bool root) =>
        new(1, "bench", "基准", StaffRole.CentreAdmin, unit.Code, unit.Name, unit.Path, root);
}
