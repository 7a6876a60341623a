using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Pages.Staff.Tickets;

/// <summary>登记: a phone call, a walk-in visitor or a 12345 transfer, through the same intake as the chat.</summary>
public sealed class NewModel(CreateStaffTicket create) : StaffPageModel
{
    [BindProperty]
    public StaffIntakeRequest Intake { get; set; } = new() { Channel = Channel.Phone, Kind = TicketKind.Complaint };

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "请检查填写的内容：" + string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct());
            return Page();
        }

        var ticket = await create.RunAsync(Member, Intake, HttpContext.RequestAborted);
        return Done($"已登记工单 {ticket.Number}。", $"/staff/tickets/{ticket.Number}");
    }

    protected override Task<IActionResult> OnFailureAsync() => Task.FromResult<IActionResult>(Page());
}
