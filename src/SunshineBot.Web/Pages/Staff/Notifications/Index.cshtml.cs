using Microsoft.AspNetCore.Mvc;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Pages.Staff.Notifications;

public sealed class IndexModel(ListNotifications notifications) : StaffPageModel
{
    public IReadOnlyList<StaffNotification> Items { get; private set; } = [];

    /// <summary>Urgent notices replaced by a later alert about the same ticket (<see cref="ListNotifications.SupersededAsync"/>).</summary>
    public IReadOnlySet<long> Superseded { get; private set; } = new HashSet<long>();

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long? id)
    {
        await notifications.MarkReadAsync(Member, id, HttpContext.RequestAborted);
        return Done("已标为已读。");
    }

    public async Task<IActionResult> OnPostAckAsync(string number, [FromServices] AcknowledgeUrgentAlert ack)
    {
        await ack.RunAsync(Member, number ?? "", HttpContext.RequestAborted);
        return Done($"已确认收到 {number} 的重大特急件提醒。");
    }

    protected override async Task ReloadAsync()
    {
        Items = await notifications.ListAsync(Member, 200, HttpContext.RequestAborted);
        Superseded = await notifications.SupersededAsync(Items, HttpContext.RequestAborted);
    }
}
