using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Data.Schema;
using SunshineBot.Data.Seed;

namespace SunshineBot.Cli.Dev;

/// <summary>
/// <c>sunshinebot dev seed --tickets N [--units 300] [--days 730] [--seed 1]</c>: synthetic units and tickets for
/// load and speed work, on the configured database (never point it at a live one). Tickets are built through the
/// workflow (<see cref="SyntheticTickets"/>) and written in bulk (<see cref="BulkTicketWriter"/>).
/// </summary>
internal static class DevCommands
{
    private const int Batch = 20_000;

    public static Command Create()
    {
        var tickets = new Option<int>("--tickets") { Description = "工单数量", Required = true };
        var units = new Option<int>("--units") { Description = "合成单位数量（区县与学校）", DefaultValueFactory = _ => 300 };
        var days = new Option<int>("--days") { Description = "工单分布在截至今天的多少天内", DefaultValueFactory = _ => 730 };
        var seed = new Option<int>("--seed") { Description = "随机数种子（相同种子生成相同数据）", DefaultValueFactory = _ => 1 };
        var run = new Command("seed", "生成合成测试数据（单位和工单），仅用于开发和性能测试") { tickets, units, days, seed };
        run.SetAction((r, ct) => SeedAsync(r, r.GetValue(tickets), r.GetValue(units), r.GetValue(days), r.GetValue(seed), ct));
        return new Command("dev", "开发工具") { run };
    }

    private static async Task<int> SeedAsync(ParseResult r, int count, int unitCount, int dayCount, int seed, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        if (count < 1 || unitCount < 2 || dayCount < 1)
        {
            r.InvocationConfiguration.Error.WriteLine("--tickets 至少为 1，--units 至少为 2，--days 至少为 1。");
            return 2;
        }

        var configuration = CliConfiguration.Build();
        var deadlines = CliServices.LoadDeadlines(configuration);
        await using var db = CliServices.OpenDatabase(configuration);
        await new SchemaMigrator(db).MigrateAsync(ct);
        var watch = Stopwatch.StartNew();
        var schools = await UnitsAsync(db, unitCount, ct);
        var now = TimeProvider.System.GetUtcNow();
        var last = deadlines.Calendar.LocalDate(now);
        var generator = new SyntheticTickets(deadlines, schools, seed);
        var used = await db.TicketCounters.AsNoTracking().ToDictionaryAsync(c => c.Day, c => c.Value, StringComparer.Ordinal, ct);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(seed);
        var written = 0;
        await using (var writer = await BulkTicketWriter.OpenAsync(db, ct))
        {
            var batch = new List<Ticket>(Batch);
            foreach (var (day, perDay) in SyntheticTickets.Spread(last.AddDays(1 - dayCount), last, count, deadlines.Calendar.IsWorkingDay))
            {
                var start = used.GetValueOrDefault(TicketNumber.Format(day, 1)[..10]);
                var n = Math.Min(perDay, 9999 - start);
                var midnight = Core.Ledger.LedgerParser.StartOfDay(deadlines.Calendar, day);
                var times = Enumerable.Range(0, n).Select(_ => midnight.AddSeconds(7 * 3600 + random.Next(13 * 3600))).Order().ToList();
                for (var i = 0; i < n && times[i] <= now; i++)
                {
                    batch.Add(generator.Create(TicketNumber.Format(day, start + i + 1), times[i], now));
                    counters[TicketNumber.Format(day, 1)[..10]] = start + i + 1;
                    if (batch.Count == Batch)
                    {
                        await writer.WriteAsync(batch, ct);
                        written += batch.Count;
                        batch.Clear();
                        output.WriteLine($"已写入 {written:N0} 件（{watch.Elapsed.TotalSeconds:0} 秒）");
                    }
                }
            }

            await writer.WriteAsync(batch, ct);
            written += batch.Count;
        }

        foreach (var (day, value) in counters)
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO ticket_counters (day, value) VALUES ({0}, {1}) ON CONFLICT (day) DO UPDATE SET value = excluded.value;", [day, value], ct);
        }

        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已生成 {written:N0} 件工单、{schools.Count} 所学校，用时 {watch.Elapsed.TotalSeconds:0.0} 秒。"));
        return 0;
    }

    /// <summary>The synthetic tree under the root unit (created when the database has none): ~1 county per 30 schools.</summary>
    private static async Task<List<string>> UnitsAsync(SunshineDbContext db, int count, CancellationToken ct)
    {
        var existing = await db.Units.Where(u => u.Code.StartsWith("SYN-")).Where(u => u.Kind == UnitKind.School).Select(u => u.Code).ToListAsync(ct);
        if (existing.Count > 0)
        {
            return existing;
        }

        var root = await db.Units.FirstOrDefaultAsync(u => u.ParentCode == null, ct);
        if (root is null)
        {
            root = Unit.CreateRoot("SYN", "合成市教育局", UnitKind.City);
            db.Units.Add(root);
        }

        var counties = Math.Max(1, count / 31);
        var schools = new List<string>();
        for (var c = 1; c <= counties; c++)
        {
            var county = root.CreateChild(string.Create(CultureInfo.InvariantCulture, $"SYN-C{c:00}"), $"合成{c}区教育局", UnitKind.County);
            db.Units.Add(county);
            var perCounty = (count - counties) / counties + (c <= (count - counties) % counties ? 1 : 0);
            for (var s = 1; s <= perCounty; s++)
            {
                var school = county.CreateChild(string.Create(CultureInfo.InvariantCulture, $"SYN-C{c:00}-S{s:000}"), $"合成{c}区第{s}学校", UnitKind.School);
                db.Units.Add(school);
                schools.Add(school.Code);
            }
        }

        await db.SaveChangesAsync(ct);
        return schools;
    }
}
