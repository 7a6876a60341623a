using SunshineBot.Core.Calendar;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff;

/// <summary>
/// Standing warnings shown to admins at the top of every staff page: the working-day calendar running out
/// (<see cref="CalendarCoverage"/>), and nobody on the duty roster tonight or on a coming holiday.
/// </summary>
public sealed class AdminWarnings(WorkingDayCalendar calendar, TimeProvider clock, SunshineBot.Web.Jobs.DutyRosterGaps roster)
{
    public async Task<IReadOnlyList<string>> ForAsync(StaffMember? member, CancellationToken ct)
    {
        if (member is not { IsAdmin: true })
        {
            return [];
        }

        var today = calendar.LocalDate(clock.GetUtcNow());
        var warnings = new List<string>();
        if (CalendarCoverage.Of(calendar, today).Warning() is { } coverage)
        {
            warnings.Add(coverage);
        }

        warnings.AddRange(await roster.WarningsAsync(member, today, ct));
        return warnings;
    }
}
