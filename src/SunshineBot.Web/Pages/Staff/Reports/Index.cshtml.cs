using Microsoft.AspNetCore.Mvc;
using SunshineBot.Data.Ledger;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>The supervisors' dashboard: metrics, charts, the unit's score sheet with drill-down, and the ranking below it.</summary>
public sealed class IndexModel(ReadDashboard read) : ReportPageModel(read)
{
    /// <summary>The units for the picker, also when the request failed.</summary>
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<string> RubricIds => ReadReports.RubricIds;

    public async Task<IActionResult> OnGetAsync()
    {
        View = await Read.RunAsync(Member, Query, HttpContext.RequestAborted);
        Units = View.Units;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var view = await Read.RunAsync(Member, Query, HttpContext.RequestAborted);
        var name = $"score-{view.Rubric.Id}-{view.Unit.Code}-{DashboardPeriod.Day(view.Period.From)}-{DashboardPeriod.Day(view.Period.To)}.xlsx";
        return File(ScoreSheetFiles.WriteXlsx(view.Sheet), LedgerXlsx.ContentType, name);
    }

    protected override async Task ReloadAsync() => Units = await Read.UnitsAsync(Member, HttpContext.RequestAborted);
}
