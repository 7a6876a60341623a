using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Pages.Staff.Duty;

public sealed class IndexModel(ManageDutyRoster roster, WorkingDayCalendar calendar, TimeProvider clock) : StaffPageModel
{
    public IReadOnlyList<DutyLine> Lines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(DateOnly from, DateOnly? to, string userName, string? note)
    {
        var added = await roster.AddAsync(Member, from, to ?? from, userName ?? "", note, HttpContext.RequestAborted);
        return Done($"已排班 {added} 天。");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        await roster.RemoveAsync(Member, id, HttpContext.RequestAborted);
        return Done("已删除。");
    }

    public WorkingDayCalendar Calendar => calendar;

    protected override async Task ReloadAsync()
    {
        Today = calendar.LocalDate(clock.GetUtcNow());
        Lines = await roster.ListAsync(Member, Today.AddDays(-7), 60, HttpContext.RequestAborted);
    }
}
