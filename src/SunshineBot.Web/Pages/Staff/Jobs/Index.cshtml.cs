using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Pages.Staff.Jobs;

public sealed class IndexModel(ListJobs jobs, WorkingDayCalendar calendar) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public IReadOnlyList<JobLine> Lines { get; private set; } = [];

    public bool Enabled => jobs.Enabled;

    public WorkingDayCalendar Calendar => calendar;

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(string key)
    {
        var label = await jobs.RunNowAsync(Member, key ?? "", HttpContext.RequestAborted);
        return Done($"已触发「{label}」，稍后刷新查看结果。");
    }

    protected override async Task ReloadAsync() => Lines = await jobs.ListAsync(Member, HttpContext.RequestAborted);
}
