using Microsoft.AspNetCore.Mvc;
using SunshineBot.Data.Ledger;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>The supervisors' dashboard: metrics, charts, the unit's score sheet with drill-down, and the ranking below it.</summary>
public sealed class IndexModel(ReadDashboard read) : ReportPageModel(read)
{
    public IReadOnlyList<string> RubricIds => ReadReports.RubricIds;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var view = await Read.RunAsync(Member, Query, HttpContext.RequestAborted);
        var name = $"score-{view.Rubric.Id}-{view.Unit.Code}-{DashboardPeriod.Day(view.Period.From)}-{DashboardPeriod.Day(view.Period.To)}.xlsx";
        return File(ScoreSheetFiles.WriteXlsx(view.Sheet), LedgerXlsx.ContentType, name);
    }
}
