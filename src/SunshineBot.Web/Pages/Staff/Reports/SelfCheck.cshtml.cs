using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Reports;

namespace SunshineBot.Web.Pages.Staff.Reports;

/// <summary>The yearly self-check report under the Hunan rule book (seed 000), printable.</summary>
public sealed class SelfCheckModel(ReadSelfCheck read, ReadDashboard dashboard) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public SelfCheck? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var year = string.IsNullOrWhiteSpace(Year) ? dashboard.Today.Year
            : int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y
            : throw new DomainException("年份应为2000到2100之间的四位数。");
        Report = await read.RunAsync(Member, year, Unit, HttpContext.RequestAborted);
        return Page();
    }
}
