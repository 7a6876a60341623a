using Microsoft.AspNetCore.Mvc;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>The printable score sheet of one unit for the dashboard's period and rubric, every ticket number written out.</summary>
public sealed class SheetModel(ReadDashboard read) : ReportPageModel(read)
{
    public async Task<IActionResult> OnGetAsync()
    {
        View = await Read.RunAsync(Member, Query, HttpContext.RequestAborted);
        return Page();
    }
}
