using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>
/// The report pages' own views as JSON, through the same use cases as the pages: <c>GET /api/staff/reports/dashboard</c>
/// (统计: rates against the rubric's thresholds, the score, the ranking of the units below), <c>GET …/lost</c>
/// (失分明细: every item that lost points, with every deduction and the tickets behind it; <c>&amp;item=</c> one item) —
/// both on the dashboard's query <c>kind=month|quarter|year&amp;year&amp;month&amp;quarter&amp;unit&amp;rubric</c> — and
/// <c>GET …/self-check?year&amp;unit</c> (年度自查报告). Scoped like every report: the caller's subtree, readers only.
/// </summary>
public static class ReportViewEndpoints
{
    public static void MapReportViews(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/reports/dashboard", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ReadDashboard read, CancellationToken ct) =>
        {
            var view = await read.RunAsync(await access.RequireAsync(user, ct), QueryOf(request), ct);
            return Json(new DashboardDto(
                view.Unit.Code, view.Unit.Name, PeriodDto.Of(view.Period), view.Rubric.Id, view.Rubric.Title, view.Score.Score, view.Score.Max,
                view.Rates.Select(RateDto.Of).ToArray(), view.Ranking, view.Metrics));
        }).Produces<DashboardDto>();

        api.MapGet("/reports/lost", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ReadDashboard read, CancellationToken ct) =>
        {
            var view = await read.RunAsync(await access.RequireAsync(user, ct), QueryOf(request), ct);
            var only = request.Query["item"].FirstOrDefault() is { Length: > 0 } item ? item.Trim() : null;
            if (only is not null && view.Score.Items.All(i => i.Id != only))
            {
                return Api.StaffProblemFilter.Problem(404, "未找到", $"《{view.Rubric.Title}》没有第 {only} 项。");
            }

            var lost = view.Score.Items.Where(i => (only is null || i.Id == only) && i.Deductions.Count > 0).Select(ItemDto.Of).ToArray();
            return Json(new LostPointsDto(
                view.Unit.Code, view.Unit.Name, PeriodDto.Of(view.Period), view.Rubric.Id, view.Rubric.Title, only, view.Score.Score, view.Score.Max,
                view.Score.Items.Where(i => !i.Bonus).Sum(ReadDashboard.LostPoints), lost));
        }).Produces<LostPointsDto>();

        api.MapGet("/reports/self-check", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ReadSelfCheck read, ReadDashboard dashboard, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var text = request.Query["year"].FirstOrDefault();
            var year = string.IsNullOrWhiteSpace(text) ? dashboard.Today.Year
                : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y
                : throw new DomainException("年份应为2000到2100之间的四位数。");
            var r = await read.RunAsync(member, year, request.Query["unit"].FirstOrDefault(), ct);
            return Json(new SelfCheckDto(
                r.Year, r.From, r.To, r.UnitCode, r.UnitName, r.Rubric.Id, r.Rubric.Title, r.Rubric.Source, r.Score.Score, r.Score.Max,
                r.Manual.Count(m => m.Entry is null), r.Rates.Select(RateDto.Of).ToArray(),
                r.Metrics.FeeComplaints, r.LastYear.FeeComplaints, r.FeeChange is { } c ? Math.Round(c, 1) : null,
                r.Score.Items.Select(ItemDto.Of).ToArray(),
                r.Manual.Select(m => new ManualItemDto(m.Item.Id, m.Item.Title, m.Item.Points, m.Item.Max, m.Entry?.Note, m.Entry?.EnteredBy, m.Entry?.EnteredAt)).ToArray(),
                r.Metrics));
        }).Produces<SelfCheckDto>();
    }

    private static DashboardQuery QueryOf(HttpRequest r)
    {
        string? Q(string key) => r.Query[key].FirstOrDefault();
        return new DashboardQuery(Q("kind"), Q("year"), Q("month"), Q("quarter"), Q("unit"), Q("rubric"));
    }

    // The metrics endpoint's serializer: enums by name, Chinese as characters.
    private static IResult Json(object value) => Results.Text(JsonSerializer.Serialize(value, ScoreSheetFiles.Json), "application/json; charset=utf-8");
}

public sealed record PeriodDto(string Kind, int Year, int Number, string Label, DateOnly From, DateOnly To)
{
    public static PeriodDto Of(DashboardPeriod p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.KindKey, p.Year, p.Number, p.Label, p.From, p.To);
    }
}

/// <summary>A rate as the dashboard's chart and the self-check show it: the figure, the rubric's threshold, met or not.</summary>
public sealed record RateDto(string Name, double? Percent, int Numerator, int Denominator, decimal? Threshold, bool AtMost, bool? Met, string? ItemId)
{
    public static RateDto Of(RateLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Name, l.Rate.Percent, l.Rate.Numerator, l.Rate.Denominator, l.Threshold, l.AtMost, l.Met, l.ItemId);
    }
}

public sealed record DeductionDto(decimal Points, string Reason, IReadOnlyList<string> Tickets);

/// <summary>
/// One rubric item as the score table shows it: <c>lost</c> the points it lost (<see cref="ReadDashboard.LostPoints"/>),
/// <c>pending</c> a manual item nobody has entered yet (尚未录入, <see cref="ReadDashboard.AwaitsEntry"/>).
/// </summary>
public sealed record ItemDto(string Id, string Title, decimal Points, decimal Max, bool Manual, bool Bonus, decimal Lost, bool Pending, string? Note, IReadOnlyList<DeductionDto> Deductions)
{
    public static ItemDto Of(ItemScore i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, i.Title, i.Points, i.Max, i.Manual, i.Bonus, i.Bonus ? 0 : ReadDashboard.LostPoints(i),
            ReadDashboard.AwaitsEntry(i), i.Note,
            i.Deductions.Select(d => new DeductionDto(d.Points, d.Reason, d.Tickets)).ToArray());
    }
}

public sealed record DashboardDto(
    string UnitCode, string UnitName, PeriodDto Period, string Rubric, string RubricTitle, decimal Score, decimal Max,
    IReadOnlyList<RateDto> Rates, IReadOnlyList<RankedUnit> Ranking, ServiceMetrics Metrics);

public sealed record LostPointsDto(
    string UnitCode, string UnitName, PeriodDto Period, string Rubric, string RubricTitle, string? Item, decimal Score, decimal Max, decimal Lost,
    IReadOnlyList<ItemDto> Items);

public sealed record ManualItemDto(string Id, string Title, decimal Points, decimal Max, string? Note, string? EnteredBy, DateTimeOffset? EnteredAt);

public sealed record SelfCheckDto(
    int Year, DateOnly From, DateOnly To, string UnitCode, string UnitName, string Rubric, string RubricTitle, string RubricSource,
    decimal Score, decimal Max, int ManualPending, IReadOnlyList<RateDto> Rates,
    int FeeComplaints, int FeeComplaintsLastYear, double? FeeChangePercent,
    IReadOnlyList<ItemDto> Items, IReadOnlyList<ManualItemDto> Manual, ServiceMetrics Metrics);
