using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Staff;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Who is on duty now for a unit (值班表 per unit, seed 004 Ⅲ-6): the unit's shifts that cover the instant, else the
/// units above it up to the service centre, else the centre's admins. Lines without a unit (kept from before rosters
/// were per unit) are the centre's.
/// </summary>
public sealed class OnDutyStaff(SunshineDbContext db, WorkingDayCalendar calendar)
{
    /// <summary>The local start and end of a shift (a whole-day line runs from midnight to midnight).</summary>
    public static (DateTime Start, DateTime End) Span(DutyShift shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var day = shift.Day.ToDateTime(TimeOnly.MinValue);
        if (shift.StartsAt is not { } starts || shift.EndsAt is not { } ends)
        {
            return (day, day.AddDays(1));
        }

        var start = shift.Day.ToDateTime(starts);
        var end = shift.Day.ToDateTime(ends);
        return (start, end <= start ? end.AddDays(1) : end);
    }

    public static bool Covers(DutyShift shift, DateTime local)
    {
        var (start, end) = Span(shift);
        return local >= start && local < end;
    }

    /// <summary>
    /// The active staff on duty at <paramref name="at"/> for <paramref name="unitCode"/> or the nearest unit above it
    /// that has someone (null: the centre); the centre's admins when nobody is on duty anywhere up the line.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForUnitAsync(string? unitCode, DateTimeOffset at, CancellationToken ct)
    {
        var path = unitCode is null ? null : await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(ct);
        var chain = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse().ToList();
        var shifts = await CoveringAsync(at, ct);
        var roots = await RootsAsync(ct);
        foreach (var code in chain)
        {
            var here = shifts.Where(s => s.UnitCode == code || (s.UnitCode is null && roots.Contains(code))).Select(s => s.UserName).ToList();
            if (here.Count > 0)
            {
                return here.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            }
        }

        var centre = CentreShifts(shifts, roots);
        return centre.Count > 0 ? centre : await CentreAdminsAsync(ct);
    }

    /// <summary>The centre's people on duty now and its admins: where an unacknowledged urgent alert goes up to.</summary>
    public async Task<IReadOnlyList<string>> CentreAsync(DateTimeOffset at, CancellationToken ct)
    {
        var centre = CentreShifts(await CoveringAsync(at, ct), await RootsAsync(ct));
        return centre.Concat(await CentreAdminsAsync(ct)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The admins of the topmost units that have any: the service centre.</summary>
    public async Task<IReadOnlyList<string>> CentreAdminsAsync(CancellationToken ct)
    {
        var admins = await db.StaffUsers.AsNoTracking().Where(u => u.Active && u.Role == StaffRole.CentreAdmin)
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.UserName, unit.Path })
            .ToListAsync(ct);
        if (admins.Count == 0)
        {
            return [];
        }

        var top = admins.Min(a => a.Path.Count(c => c == '/'));
        return admins.Where(a => a.Path.Count(c => c == '/') == top).Select(a => a.UserName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines of active accounts that cover the instant (yesterday's night shifts included).</summary>
    public async Task<IReadOnlyList<DutyShift>> CoveringAsync(DateTimeOffset at, CancellationToken ct)
    {
        var local = calendar.ToLocal(at).DateTime;
        var today = DateOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var lines = await db.DutyRoster.AsNoTracking().Where(s => s.Day == today || s.Day == yesterday)
            .Join(db.StaffUsers.Where(u => u.Active), s => s.UserName, u => u.UserName, (s, _) => s)
            .ToListAsync(ct);
        return lines.Where(s => Covers(s, local)).ToList();
    }

    private async Task<HashSet<string>> RootsAsync(CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.ParentCode == null).Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private static List<string> CentreShifts(IEnumerable<DutyShift> shifts, HashSet<string> roots) =>
        shifts.Where(s => s.UnitCode is null || roots.Contains(s.UnitCode)).Select(s => s.UserName)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
