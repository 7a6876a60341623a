using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Integration;
using SunshineBot.Web.Staff;

namespace SunshineBot.Web.Pages.Staff.Integration;

public sealed class IndexModel(ReplayDeliveries deliveries, IntegrationPlatforms platforms, WorkingDayCalendar calendar) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public IReadOnlyList<DeliveryLine> Failed { get; private set; } = [];

    public IReadOnlyList<DeliveryLine> Pending { get; private set; } = [];

    public WorkingDayCalendar Calendar => calendar;

    public IEnumerable<string> Platforms => platforms.Names;

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(long id) =>
        Done(await deliveries.ReplayAsync(Member, id, HttpContext.RequestAborted) ? "已重新加入发送队列。" : "这条推送已不在失败列表中。");

    public async Task<IActionResult> OnPostReplayAllAsync() =>
        Done($"已将 {await deliveries.ReplayAllAsync(Member, HttpContext.RequestAborted)} 条推送重新加入发送队列。");

    protected override async Task ReloadAsync()
    {
        Failed = await deliveries.ListAsync(Member, OutboxStatus.Failed, HttpContext.RequestAborted);
        Pending = await deliveries.ListAsync(Member, OutboxStatus.Pending, HttpContext.RequestAborted);
    }
}
