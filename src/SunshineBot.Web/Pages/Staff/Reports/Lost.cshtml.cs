using Microsoft.AspNetCore.Mvc;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>Drill-down: every point a unit lost under one item (or all items), with every ticket behind it.</summary>
public sealed class LostModel(ReadDashboard read) : ReportPageModel(read)
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        View = await Read.RunAsync(Member, Query, HttpContext.RequestAborted);
        if (!string.IsNullOrWhiteSpace(Item) && View.Score.Items.All(i => i.Id != Item))
        {
            return NotFound();
        }

        return Page();
    }
}
