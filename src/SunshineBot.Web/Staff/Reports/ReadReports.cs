using System.Globalization;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>The query every report request carries: the period and, optionally, a unit below the caller's.</summary>
public sealed record ReportQuery(string? From, string? To, string? Unit, string? Rubric = null);

/// <summary>
/// Metrics and score sheets for admins, leaders and viewers, on their own unit subtree (a unit outside it is "not
/// found"); handlers see their queue, not the bureau's scores. Manual items are entered by centre admins.
/// </summary>
public sealed class ReadReports(StaffAccess access, BuildReports reports)
{
    public async Task<MetricsReport> MetricsAsync(StaffMember member, ReportQuery query, CancellationToken ct)
    {
        var (unit, from, to) = await ResolveAsync(member, query, ct);
        return await reports.MetricsAsync(unit, from, to, ct);
    }

    public async Task<ScoreSheet> ScoreAsync(StaffMember member, ReportQuery query, CancellationToken ct)
    {
        var rubric = RubricOf(query.Rubric);
        var (unit, from, to) = await ResolveAsync(member, query, ct);
        return await reports.ScoreAsync(rubric, unit, from, to, ct);
    }

    /// <summary>Both from one load of the facts, for pages that show both.</summary>
    public async Task<(MetricsReport Metrics, ScoreSheet Score)> MetricsAndScoreAsync(StaffMember member, ReportQuery query, CancellationToken ct)
    {
        var rubric = RubricOf(query.Rubric);
        var (unit, from, to) = await ResolveAsync(member, query, ct);
        return await reports.MetricsAndScoreAsync(rubric, unit, from, to, ct);
    }

    /// <summary>The manual entries for the query's rubric, unit and exact period, oldest first.</summary>
    public async Task<IReadOnlyList<ManualEntry>> ManualEntriesAsync(StaffMember member, ReportQuery query, CancellationToken ct)
    {
        var rubric = RubricOf(query.Rubric);
        var (unit, from, to) = await ResolveAsync(member, query, ct);
        return await reports.ManualEntriesAsync(rubric, unit, from, to, ct);
    }

    public async Task AddManualAsync(StaffMember member, ReportQuery query, string? item, decimal? score, string? note, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var rubric = RubricOf(query.Rubric);
        var (unit, from, to) = await ResolveAsync(member, query, ct);
        await reports.AddManualScoreAsync(rubric, (item ?? "").Trim(), unit, from, to, score ?? throw new DomainException("请填写分值。"), note ?? "", member.DisplayName, ct);
    }

    public static Rubric RubricOf(string? id) =>
        RubricFile.Find((id ?? "").Trim()) ?? throw new DomainException($"没有评分细则「{id}」，可选：{string.Join("、", RubricFile.Ids())}。");

    public static IReadOnlyList<string> RubricIds => RubricFile.Ids();

    public static void DemandReader(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Role is not (StaffRole.CentreAdmin or StaffRole.Leader or StaffRole.Viewer))
        {
            throw new StaffForbiddenException("报表供中心管理员、领导和查看账号使用。");
        }
    }

    private async Task<(Unit Unit, DateOnly From, DateOnly To)> ResolveAsync(StaffMember member, ReportQuery query, CancellationToken ct)
    {
        DemandReader(member);
        var from = Date(query.From, "开始日期");
        var to = Date(query.To, "结束日期");
        _ = reports.Period(from, to);
        var unit = await access.LoadUnitAsync(member, string.IsNullOrWhiteSpace(query.Unit) ? member.UnitCode : query.Unit, ct);
        return (unit, from, to);
    }

    private static DateOnly Date(string? text, string field) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DomainException($"{field}格式应为 yyyy-MM-dd，如 2026-01-01。");
}
