using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Jobs;

/// <summary>One unit's nights and days off without anyone on duty.</summary>
public sealed record UnitDutyGaps(string UnitCode, string UnitName, IReadOnlyList<DateOnly> Uncovered);

/// <summary>
/// Nights and days off nobody is on duty for, per unit (seed 004 Ⅲ-6: no one on duty outside working hours is a
/// fault): tonight (a line of today that reaches <see cref="Night"/>), and every weekend day or holiday in the next
/// <see cref="LookAheadDays"/> days without any line. Checked for the admin's own unit and for every unit below it
/// that keeps a roster (has lines from <see cref="KeptWithinDays"/> days ago on).
/// </summary>
public sealed class DutyRosterGaps(SunshineDbContext db, WorkingDayCalendar calendar, StaffAccess access)
{
    public const int LookAheadDays = 14;

    public const int KeptWithinDays = 30;

    /// <summary>The hour that makes a line "tonight's": a day shift ending before it leaves the night uncovered.</summary>
    public static readonly TimeOnly Night = new(23, 0);

    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>The gaps of the member's own unit first, then of the units below it that keep a roster (tree order).</summary>
    public async Task<IReadOnlyList<UnitDutyGaps>> FindAsync(StaffMember member, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var last = today.AddDays(LookAheadDays);
        var units = await access.Units(member).AsNoTracking().Where(u => u.Active)
            .Select(u => new { u.Code, u.Name, u.Path, Root = u.ParentCode == null }).ToListAsync(ct);
        var codes = units.Select(u => u.Code).ToList();
        var lines = await db.DutyRoster.AsNoTracking()
            .Where(s => s.Day >= today.AddDays(-KeptWithinDays) && s.Day <= last && (s.UnitCode == null || codes.Contains(s.UnitCode)))
            .Join(db.StaffUsers.Where(u => u.Active), s => s.UserName, u => u.UserName, (s, _) => s)
            .ToListAsync(ct);
        var result = new List<UnitDutyGaps>();
        foreach (var unit in units.OrderBy(u => u.Code == member.UnitCode ? 0 : 1).ThenBy(u => u.Path, StringComparer.Ordinal))
        {
            var own = lines.Where(s => s.UnitCode == unit.Code || (s.UnitCode is null && unit.Root)).ToList();
            if (unit.Code != member.UnitCode && own.Count == 0)
            {
                continue; // a unit that keeps no roster is covered by the one above it
            }

            result.Add(new UnitDutyGaps(unit.Code, unit.Name, Uncovered(own, today, last)));
        }

        return result;
    }

    /// <summary>The admins' warnings in Chinese, one per unit with gaps, or nothing when every such date has someone.</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(StaffMember member, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var warnings = new List<string>();
        foreach (var unit in (await FindAsync(member, today, ct)).Where(g => g.Uncovered.Count > 0))
        {
            var names = string.Join("、", unit.Uncovered.Select(d => d == today ? $"今晚（{Label(d)}）" : Label(d)));
            var who = unit.UnitCode == member.UnitCode ? "" : $"（{unit.UnitName}）";
            warnings.Add($"值班表缺人{who}：{names} 没有安排值班人员。重大特急件会改发给上级单位或中心管理员，请到“值班表”补排。");
        }

        return warnings;
    }

    private List<DateOnly> Uncovered(List<DutyShift> lines, DateOnly today, DateOnly last)
    {
        var tonight = today.ToDateTime(Night);
        var gaps = new List<DateOnly>();
        if (!lines.Any(s => OnDutyStaff.Covers(s, tonight)))
        {
            gaps.Add(today);
        }

        for (var day = today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day) && !lines.Any(s => s.Day == day))
            {
                gaps.Add(day);
            }
        }

        return gaps;
    }

    private string Label(DateOnly d)
    {
        var info = calendar.Describe(d);
        var what = info.Kind == DayKind.Holiday ? info.Name : Weekdays[(int)d.DayOfWeek];
        return d.ToString("M月d日", CultureInfo.InvariantCulture) + " " + what;
    }
}
