using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Units;
using SunshineBot.Web.Jobs;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Pages.Staff.Duty;

public sealed class IndexModel(ManageDutyRoster roster, DutyRosterGaps gaps, StaffAccess access, WorkingDayCalendar calendar, TimeProvider clock) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public IReadOnlyList<DutyLine> Lines { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<UnitDutyGaps> Gaps { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The unit whose lines are listed (all of the subtree when empty).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? UnitFilter { get; set; }

    /// <summary>What was typed into the form, shown again when it is refused.</summary>
    public DutyShiftRequest? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(DateOnly from, DateOnly? to, string? userName, string? unitCode, string? startsAt, string? endsAt, string? phone, string? note)
    {
        Typed = new DutyShiftRequest(from, to, userName ?? "", unitCode, startsAt, endsAt, phone, note);
        var added = await roster.AddAsync(Member, Typed, HttpContext.RequestAborted);
        return Done($"已排班 {added} 天。", string.IsNullOrWhiteSpace(UnitFilter) ? null : $"/staff/duty?unit={Uri.EscapeDataString(UnitFilter)}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        await roster.RemoveAsync(Member, id, HttpContext.RequestAborted);
        return Done("已删除。", string.IsNullOrWhiteSpace(UnitFilter) ? null : $"/staff/duty?unit={Uri.EscapeDataString(UnitFilter)}");
    }

    public WorkingDayCalendar Calendar => calendar;

    protected override async Task ReloadAsync()
    {
        var ct = HttpContext.RequestAborted;
        StaffPermissions.DemandAdmin(Member);
        Today = calendar.LocalDate(clock.GetUtcNow());
        Units = await access.Units(Member).AsNoTracking().Where(u => u.Active).OrderBy(u => u.Path).ToListAsync(ct);
        if (!Units.Any(u => u.Code == UnitFilter))
        {
            UnitFilter = null;
        }

        Lines = await roster.ListAsync(Member, Today.AddDays(-7), 60, ct, UnitFilter);
        Gaps = (await gaps.FindAsync(Member, Today, ct)).Where(g => g.Uncovered.Count > 0).ToList();
    }
}
