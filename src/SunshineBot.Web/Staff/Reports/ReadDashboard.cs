using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Units;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>What the dashboard was asked for: the picker's parts, the unit and the rubric (all optional).</summary>
public sealed record DashboardQuery(string? Kind, string? Year, string? Month, string? Quarter, string? Unit, string? Rubric);

/// <summary>A rate on the dashboard's chart, with the selected rule book's threshold for it (if it scores that rate).</summary>
public sealed record RateLine(string Name, Rate Rate, decimal? Threshold, bool AtMost, string? ItemId)
{
    /// <summary>Null when there is no threshold or nothing to measure.</summary>
    public bool? Met => Threshold is { } t && Rate.Percent is { } p ? (AtMost ? (decimal)p <= t : (decimal)p >= t) : null;
}

public sealed record RankedUnit(int Rank, string Code, string Name, decimal Score, decimal Max, decimal Lost);

/// <summary>A unit the reader may pick, with its depth in the tree (for indenting the list).</summary>
public sealed record UnitChoice(string Code, string Name, int Depth);

public sealed record Dashboard(
    DashboardPeriod Period,
    UnitChoice Unit,
    IReadOnlyList<UnitChoice> Units,
    Rubric Rubric,
    IReadOnlyList<string> RubricIds,
    MetricsReport Report,
    ScoreSheet Sheet,
    UnitScore Score,
    IReadOnlyList<RankedUnit> Ranking,
    IReadOnlyList<RateLine> Rates)
{
    public ServiceMetrics Metrics => Report.Metrics;
}

/// <summary>
/// The supervisors' dashboard (<c>/staff/reports</c>): one period, one unit of the reader's subtree and one rubric;
/// the metrics, the unit's score sheet, the units below it ranked by score, and the rates against the rubric's thresholds.
/// </summary>
public sealed class ReadDashboard(ReadReports reports, StaffAccess access, WorkingDayCalendar calendar, TimeProvider clock)
{
    public const string DefaultRubric = "zhuhui-2019";

    public DateOnly Today => calendar.LocalDate(clock.GetUtcNow());

    public async Task<Dashboard> RunAsync(StaffMember member, DashboardQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReadReports.DemandReader(member);
        var period = DashboardPeriod.Parse(query.Kind, query.Year, query.Month, query.Quarter, Today);
        var rubricId = string.IsNullOrWhiteSpace(query.Rubric) ? DefaultRubric : query.Rubric;
        var report = new ReportQuery(DashboardPeriod.Day(period.From), DashboardPeriod.Day(period.To), query.Unit, rubricId);
        var (metrics, sheet) = await reports.MetricsAndScoreAsync(member, report, ct);
        var units = await UnitsAsync(member, ct);
        var score = sheet.Units.First(u => u.Code == metrics.UnitCode);
        var unit = units.First(u => u.Code == metrics.UnitCode);
        return new Dashboard(
            period, unit, units, ReadReports.RubricOf(rubricId), ReadReports.RubricIds, metrics, sheet, score,
            Rank(sheet, score), RatesOf(metrics.Metrics, ReadReports.RubricOf(rubricId)));
    }

    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(StaffMember member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var units = await access.Units(member).AsNoTracking().OrderBy(u => u.Path).Select(u => new { u.Code, u.Name, u.Path }).ToListAsync(ct);
        var top = member.UnitPath.Count(c => c == '/');
        return units.Select(u => new UnitChoice(u.Code, u.Name, u.Path.Count(c => c == '/') - top)).ToArray();
    }

    /// <summary>The units below the selected one by score (equal scores share a rank); a unit with none below ranks alone.</summary>
    public static IReadOnlyList<RankedUnit> Rank(ScoreSheet sheet, UnitScore top)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(top);
        var below = sheet.Units.Where(u => u.Code != top.Code).ToList();
        var ordered = (below.Count > 0 ? below : [top]).OrderByDescending(u => u.Score).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var u = ordered[i];
            var rank = i > 0 && ordered[i - 1].Score == u.Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedUnit(rank, u.Code, u.Name, u.Score, u.Max, u.Items.Where(x => !x.Bonus).Sum(LostPoints)));
        }

        return ranked;
    }

    /// <summary>
    /// Points an item lost: a computed item its shortfall; a manual item what its entry took off, so one nobody has
    /// scored yet (尚未录入) is not shown as lost.
    /// </summary>
    public static decimal LostPoints(ItemScore item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Manual ? item.Deductions.Sum(d => d.Points) : item.Max - item.Points;
    }

    /// <summary>A graded manual item nobody has entered yet: it stands below its maximum with nothing taken off.</summary>
    public static bool AwaitsEntry(ItemScore item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Manual && !item.Bonus && item.Deductions.Count == 0 && item.Points < item.Max;
    }

    public static IReadOnlyList<RateLine> RatesOf(ServiceMetrics m, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(rubric);
        var rules = rubric.Items.SelectMany(i => i.Rules.OfType<RateRule>().Select(r => (Item: i.Id, Rule: r))).ToList();
        RateLine Line(string name, Rate rate, RateMetric metric)
        {
            var found = rules.FirstOrDefault(r => r.Rule.Metric == metric);
            return new RateLine(name, rate, found.Rule?.Threshold, found.Rule?.AtMost ?? false, found.Item);
        }

        return
        [
            Line("按时答复率", m.FirstReply.Rate, RateMetric.FirstReplyOnTime),
            Line("按时办结率", m.Closure.Rate, RateMetric.ClosureOnTime),
            Line("满意率", m.Satisfaction, RateMetric.Satisfaction),
            Line("一次办结率", m.FirstTimeClosure, RateMetric.FirstTimeClosure),
            Line("年累计办结率", m.CumulativeClosure, RateMetric.CumulativeClosure),
            Line("知识库错误率", m.KbError, RateMetric.KbError),
        ];
    }
}
