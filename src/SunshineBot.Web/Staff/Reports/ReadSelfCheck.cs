using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>A manual item of the self-check with the supervisor's last entry, or none yet.</summary>
public sealed record SelfCheckManual(ItemScore Item, ManualEntry? Entry);

public sealed record SelfCheck(
    int Year,
    DateOnly From,
    DateOnly To,
    string UnitCode,
    string UnitName,
    Rubric Rubric,
    UnitScore Score,
    ServiceMetrics Metrics,
    ServiceMetrics LastYear,
    IReadOnlyList<RateLine> Rates,
    IReadOnlyList<SelfCheckManual> Manual)
{
    /// <summary>The change in fee complaints and reports against the same months of last year, in percent (null: none last year).</summary>
    public double? FeeChange => LastYear.FeeComplaints == 0 ? null : 100.0 * (Metrics.FeeComplaints - LastYear.FeeComplaints) / LastYear.FeeComplaints;
}

/// <summary>
/// The yearly self-check (seed 000, 六.1: each centre reports on itself by the end of November) under the Hunan rule
/// book: 1 January to 30 November, its score sheet with the computed items' figures, the manual items with what was
/// entered (or still to enter), satisfaction and on-time closure against 90 %, and fee complaints against last year
/// (for the ranking of (五)3).
/// </summary>
public sealed class ReadSelfCheck(ReadReports reports)
{
    public const string RubricId = "hunan-2014";

    public async Task<SelfCheck> RunAsync(StaffMember member, int year, string? unit, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            throw new Core.Tickets.DomainException("年份应为2000到2100之间的四位数。");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 11, 30);
        var query = new ReportQuery(DashboardPeriod.Day(from), DashboardPeriod.Day(to), unit, RubricId);
        var (metrics, sheet) = await reports.MetricsAndScoreAsync(member, query, ct);
        var last = await reports.MetricsAsync(member, query with { From = DashboardPeriod.Day(from.AddYears(-1)), To = DashboardPeriod.Day(to.AddYears(-1)) }, ct);
        var entries = await reports.ManualEntriesAsync(member, query, ct);
        var score = sheet.Units.First(u => u.Code == metrics.UnitCode);
        var rubric = ReadReports.RubricOf(RubricId);
        var manual = score.Items.Where(i => i.Manual).Select(i => new SelfCheckManual(i, entries.LastOrDefault(e => e.ItemId == i.Id))).ToArray();
        return new SelfCheck(year, from, to, metrics.UnitCode, metrics.UnitName, rubric, score, metrics.Metrics, last.Metrics,
            ReadDashboard.RatesOf(metrics.Metrics, rubric).Where(r => r.Threshold is not null).ToArray(), manual);
    }
}
