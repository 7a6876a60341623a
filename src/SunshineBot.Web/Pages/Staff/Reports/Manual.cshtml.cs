using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Scoring;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>
/// Centre admins enter the manual items of a rubric for one unit and period (the same rule as
/// <c>POST /api/staff/reports/manual</c>). A refused entry is shown again with what was typed and the reason.
/// </summary>
public sealed class ManualModel(ReadDashboard read, ReadReports reports) : ReportPageModel(read)
{
    protected override bool AdminOnly => true;

    /// <summary>The item the admin is scoring (also after a refused post, so its form keeps what was typed).</summary>
    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Score { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Rubric? RubricBook { get; private set; }

    public IReadOnlyList<ManualEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        StaffPermissions.DemandAdmin(Member);
        await LoadPageAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        StaffPermissions.DemandAdmin(Member);
        await LoadAsync();
        var v = View!;
        var item = v.Rubric.Items.FirstOrDefault(i => i.Id == (Item ?? "").Trim())
            ?? throw new DomainException("请选择要评分的项目。");
        var score = ParseScore(Score);
        await reports.AddManualAsync(
            Member, new ReportQuery(DashboardPeriod.Day(v.Period.From), DashboardPeriod.Day(v.Period.To), v.Unit.Code, v.Rubric.Id), item.Id, score, Note, HttpContext.RequestAborted);
        return Done($"已保存「{item.Id} {item.Title}」的评分：{ScoreTableView.Points(score)} 分。", Link("/staff/reports/manual") + "#m-" + v.Rubric.Items.ToList().IndexOf(item));
    }

    protected override async Task ReloadAsync()
    {
        try
        {
            await LoadPageAsync();
        }
        catch (DomainException)
        {
            // A bad period or rubric: the message (already set) and the picker alone.
            View = null;
            await base.ReloadAsync();
        }
    }

    private async Task LoadPageAsync()
    {
        await LoadAsync();
        var v = View!;
        RubricBook = v.Rubric;
        Entries = await reports.ManualEntriesAsync(
            Member, new ReportQuery(DashboardPeriod.Day(v.Period.From), DashboardPeriod.Day(v.Period.To), v.Unit.Code, v.Rubric.Id), HttpContext.RequestAborted);
    }

    private static decimal ParseScore(string? text)
    {
        var t = (text ?? "").Trim().Replace('－', '-').Replace('．', '.');
        if (t.Length == 0)
        {
            throw new DomainException("请填写分值。");
        }

        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new DomainException($"分值「{t}」不是数字，请填写如 4 或 4.5 的分数。");
    }
}
