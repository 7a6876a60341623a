using Microsoft.AspNetCore.Mvc;
using SunshineBot.Data.Audit;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff;

namespace SunshineBot.Web.Pages.Staff.Audit;

public sealed class IndexModel(ListAuditLog list) : StaffPageModel
{
    protected override bool AdminOnly => true;

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Entries = await list.RunAsync(Member, Kind, HttpContext.RequestAborted);
        return Page();
    }
}
