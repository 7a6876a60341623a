using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Nights and days off nobody is on duty for (seed 004 Ⅲ-6: no one on duty outside working hours is a fault): tonight,
/// and every weekend day or holiday in the next <see cref="LookAheadDays"/> days, with no active account on the roster.
/// </summary>
public sealed class DutyRosterGaps(SunshineDbContext db, WorkingDayCalendar calendar)
{
    public const int LookAheadDays = 14;

    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>The uncovered dates from <paramref name="today"/> on (today always counts: tonight).</summary>
    public async Task<IReadOnlyList<DateOnly>> FindAsync(DateOnly today, CancellationToken ct)
    {
        var last = today.AddDays(LookAheadDays);
        var covered = await db.DutyRoster.AsNoTracking().Where(s => s.Day >= today && s.Day <= last)
            .Join(db.StaffUsers.Where(u => u.Active), s => s.UserName, u => u.UserName, (s, _) => s.Day)
            .Distinct().ToListAsync(ct);
        var gaps = new List<DateOnly>();
        for (var day = today; day <= last; day = day.AddDays(1))
        {
            if ((day == today || !calendar.IsWorkingDay(day)) && !covered.Contains(day))
            {
                gaps.Add(day);
            }
        }

        return gaps;
    }

    /// <summary>The admins' warning in Chinese, or nothing when every such date has someone.</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(StaffMember member, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var gaps = await FindAsync(today, ct);
        if (gaps.Count == 0)
        {
            return [];
        }

        var names = gaps.Select(d => d == today ? $"今晚（{Label(d)}）" : Label(d));
        return [$"值班表缺人：{string.Join("、", names)} 没有安排值班人员。重大特急件会改发给中心管理员，请到“值班表”补排。"];
    }

    private string Label(DateOnly d)
    {
        var info = calendar.Describe(d);
        var what = info.Kind == DayKind.Holiday ? info.Name : Weekdays[(int)d.DayOfWeek];
        return d.ToString("M月d日", CultureInfo.InvariantCulture) + " " + what;
    }
}
