using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;

// EF Core translates StartsWith to SQL; the culture rules do not apply.
#pragma warning disable CA1310
namespace SunshineBot.Data.Reports;

public sealed record MetricsReport(DateOnly From, DateOnly To, string UnitCode, string UnitName, ServiceMetrics Metrics);

/// <summary>
/// Loads the facts of a unit's subtree for a period (one projection query) and hands them to Core: metrics for the unit,
/// a rubric score sheet for the unit and each unit below it. Used by the staff API, the dashboard and the CLI alike.
/// </summary>
public sealed class BuildReports(SunshineDbContext db, WorkingDayCalendar calendar, ReportOptions options, TimeProvider clock)
{
    public ReportPeriod Period(DateOnly from, DateOnly to) => ReportPeriod.Of(from, to, calendar, clock.GetUtcNow());

    public async Task<MetricsReport> MetricsAsync(Unit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var period = Period(from, to);
        var (_, facts) = await LoadAsync(unit, period, ct);
        var kb = await TicketFacts.LoadKbAsync(db, period, ct);
        return new MetricsReport(from, to, unit.Code, unit.Name, MeasureService.Run(facts, kb, period, calendar, options));
    }

    public async Task<ScoreSheet> ScoreAsync(Rubric rubric, Unit unit, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await BothAsync(rubric, unit, from, to, metrics: false, ct)).Score;

    /// <summary>Metrics and a score sheet from one load of the facts (the dashboard and the self-check show both).</summary>
    public async Task<(MetricsReport Metrics, ScoreSheet Score)> MetricsAndScoreAsync(Rubric rubric, Unit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (metrics, score) = await BothAsync(rubric, unit, from, to, metrics: true, ct);
        return (metrics!, score);
    }

    private async Task<(MetricsReport? Metrics, ScoreSheet Score)> BothAsync(Rubric rubric, Unit unit, DateOnly from, DateOnly to, bool metrics, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(unit);
        var period = Period(from, to);
        var (units, facts) = await LoadAsync(unit, period, ct);
        var kb = await TicketFacts.LoadKbAsync(db, period, ct);
        var entries = (await db.ManualScores.AsNoTracking()
            .Where(m => m.RubricId == rubric.Id && m.FromDate == from && m.ToDate == to)
            .OrderBy(m => m.Id).ToListAsync(ct)).Select(m => m.ToEntry()).ToArray();
        var sheets = ScoreRubric.Tree(
            rubric, units.Select(u => new ScoredUnit(u.Code, u.Name, u.Path)).ToArray(), Own(units, facts, unit.Code), kb, period, calendar, options, entries);
        var report = metrics ? new MetricsReport(from, to, unit.Code, unit.Name, MeasureService.Run(facts, kb, period, calendar, options)) : null;
        return (report, new ScoreSheet(rubric.Id, rubric.Title, from, to, sheets));
    }

    public async Task AddManualScoreAsync(Rubric rubric, string itemId, Unit unit, DateOnly from, DateOnly to, decimal score, string note, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(unit);
        var item = rubric.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new DomainException($"评分细则中没有项目「{itemId}」。");
        var manual = item.Manual ?? throw new DomainException($"项目「{itemId}」由系统计算，不能人工评分。");
        if (score < manual.Min || score > manual.Max)
        {
            throw new DomainException($"项目「{itemId}」的分值应在{manual.Min:0.##}到{manual.Max:0.##}之间。");
        }

        var why = (note ?? "").Trim();
        if (why.Length is 0 or > 500)
        {
            throw new DomainException("请填写评分说明（500字以内）。");
        }

        _ = Period(from, to);
        db.ManualScores.Add(new ManualScoreRecord
        {
            RubricId = rubric.Id, ItemId = item.Id, UnitCode = unit.Code, FromDate = from, ToDate = to, Score = (double)score, Note = why,
            EnteredBy = by, EnteredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every entry made for a manual item of this rubric, unit and exact period, oldest first (the last counts).</summary>
    public async Task<IReadOnlyList<ManualEntry>> ManualEntriesAsync(Rubric rubric, Unit unit, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(unit);
        return (await db.ManualScores.AsNoTracking()
            .Where(m => m.RubricId == rubric.Id && m.UnitCode == unit.Code && m.FromDate == from && m.ToDate == to)
            .OrderBy(m => m.Id).ToListAsync(ct)).Select(m => m.ToEntry()).ToArray();
    }

    /// <summary>The unit and every active unit below it (by path), and the facts of tickets that count against them.</summary>
    private async Task<(List<Unit> Units, List<TicketFact> Facts)> LoadAsync(Unit unit, ReportPeriod period, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path)).OrderBy(u => u.Path).ToListAsync(ct);
        var codes = units.Select(u => u.Code).ToArray();
        return (units, await TicketFacts.LoadAsync(db, codes, withoutUnit: unit.ParentCode is null, period, ct));
    }

    /// <summary>Each unit's facts: its own tickets and those of every unit below it; tickets with no unit go to the top.</summary>
    /// <summary>The facts that count against each unit itself; those of a unit outside the list count for the top unit.</summary>
    private static Dictionary<string, List<TicketFact>> Own(List<Unit> units, List<TicketFact> facts, string top)
    {
        var own = units.ToDictionary(u => u.Code, _ => new List<TicketFact>(), StringComparer.Ordinal);
        foreach (var f in facts)
        {
            own[f.UnitCode is { } c && own.ContainsKey(c) ? c : top].Add(f);
        }

        return own;
    }
}
