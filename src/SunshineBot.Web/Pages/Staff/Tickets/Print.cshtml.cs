using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Pages.Staff.Tickets;

/// <summary>The printable 受理工单, laid out like seed 001 annex 2; name and phone masked as on screen.</summary>
public sealed class PrintModel(GetTicket get, WorkingDayCalendar calendar) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public TicketDetails Details { get; private set; } = null!;

    public WorkingDayCalendar Calendar => calendar;

    public async Task<IActionResult> OnGetAsync()
    {
        Details = await get.RunAsync(Member, Number, HttpContext.RequestAborted);
        return Page();
    }
}
