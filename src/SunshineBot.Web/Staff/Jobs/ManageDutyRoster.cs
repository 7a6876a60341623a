using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>One line of the roster as the page and the API show it; times are "HH:mm", both null for the whole day.</summary>
public sealed record DutyLine(
    long Id, DateOnly Day, string UnitCode, string UnitName, string? StartsAt, string? EndsAt, string UserName, string DisplayName, string? Phone, string? Note)
{
    /// <summary>全天, or 08:00–18:00, or 18:00–次日08:00.</summary>
    public string Hours => StartsAt is null || EndsAt is null ? "全天"
        : string.CompareOrdinal(EndsAt, StartsAt) <= 0 ? $"{StartsAt}–次日{EndsAt}" : $"{StartsAt}–{EndsAt}";
}

/// <summary>A shift to put on the roster for each date from <see cref="From"/> to <see cref="To"/> (inclusive).</summary>
/// <param name="UnitCode">The unit on duty; the account's own unit when empty.</param>
/// <param name="StartsAt">"HH:mm", with <paramref name="EndsAt"/>; both empty for the whole day.</param>
public sealed record DutyShiftRequest(DateOnly From, DateOnly? To, string UserName, string? UnitCode, string? StartsAt, string? EndsAt, string? Phone, string? Note);

/// <summary>
/// 值班表 per unit: who is on duty for which unit, on which date and hours, on which phone (urgent tickets alert them at
/// any hour). Centre admins, within their unit subtree. Lines from before rosters were per unit are the centre's.
/// </summary>
public sealed class ManageDutyRoster(SunshineDbContext db, StaffAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<DutyLine>> ListAsync(StaffMember member, DateOnly from, int days, CancellationToken ct, string? unitCode = null)
    {
        StaffPermissions.DemandAdmin(member);
        var to = from.AddDays(days);
        var units = await access.Units(member).AsNoTracking().Select(u => new { u.Code, u.Name, u.ParentCode }).ToListAsync(ct);
        var root = member.IsRootUnit ? member.UnitCode : null;
        var withLegacy = root is not null;
        var codes = units.Select(u => u.Code).ToList();
        var only = string.IsNullOrWhiteSpace(unitCode) ? null : (await access.LoadUnitAsync(member, unitCode, ct)).Code;
        // Ordered on an anonymous projection: EF cannot translate a member of a constructed record.
        var rows = await db.DutyRoster.AsNoTracking()
            .Where(s => s.Day >= from && s.Day < to && ((s.UnitCode != null && codes.Contains(s.UnitCode)) || (s.UnitCode == null && withLegacy)))
            .Join(db.StaffUsers, s => s.UserName, u => u.UserName, (s, u) => new { Shift = s, u.DisplayName })
            .OrderBy(l => l.Shift.Day).ThenBy(l => l.Shift.UnitCode).ThenBy(l => l.Shift.StartsAt).ThenBy(l => l.Shift.UserName).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        return rows
            .Select(l => (l.Shift, l.DisplayName, Unit: l.Shift.UnitCode ?? root!))
            .Where(l => only is null || l.Unit == only)
            .Select(l => new DutyLine(
                l.Shift.Id, l.Shift.Day, l.Unit, names[l.Unit], Format(l.Shift.StartsAt), Format(l.Shift.EndsAt), l.Shift.UserName, l.DisplayName, l.Shift.Phone, l.Shift.Note))
            .ToList();
    }

    /// <summary>Puts the account on duty on every date of the request; a date it already has a line on is left as it is.</summary>
    public async Task<int> AddAsync(StaffMember member, DutyShiftRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.DemandAdmin(member);
        var to = request.To ?? request.From;
        if (to < request.From || to.DayNumber - request.From.DayNumber > 92)
        {
            throw new DomainException("值班日期不正确（结束日期不早于开始日期，一次最多排三个月）。");
        }

        var name = (request.UserName ?? "").Trim();
        var account = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == name && u.Active)
            .Join(access.Units(member), u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.UserName, u.UnitCode }).SingleOrDefaultAsync(ct)
            ?? throw new DomainException($"未找到启用的账号「{name}」。");
        var unit = await access.LoadUnitAsync(member, string.IsNullOrWhiteSpace(request.UnitCode) ? account.UnitCode : request.UnitCode, ct);
        var (starts, ends) = Hours(request.StartsAt, request.EndsAt);
        var phone = Phone(request.Phone);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()[..Math.Min(request.Note.Trim().Length, 200)];
        var existing = await db.DutyRoster.Where(s => s.UserName == name && s.Day >= request.From && s.Day <= to).Select(s => s.Day).ToListAsync(ct);
        var added = 0;
        for (var day = request.From; day <= to; day = day.AddDays(1))
        {
            if (!existing.Contains(day))
            {
                db.DutyRoster.Add(new DutyShift
                {
                    Day = day, UnitCode = unit.Code, StartsAt = starts, EndsAt = ends, Phone = phone, UserName = name, Note = note, CreatedAt = clock.GetUtcNow(),
                });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Removes one line of the caller's subtree; 404 for any other.</summary>
    public async Task RemoveAsync(StaffMember member, long id, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var codes = access.Units(member).Select(u => u.Code);
        var removed = await db.DutyRoster
            .Where(s => s.Id == id && ((s.UnitCode != null && codes.Contains(s.UnitCode)) || (s.UnitCode == null && member.IsRootUnit)))
            .ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            throw new StaffNotFoundException("未找到这条值班安排。");
        }
    }

    private static string? Format(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static (TimeOnly? Starts, TimeOnly? Ends) Hours(string? starts, string? ends)
    {
        if (string.IsNullOrWhiteSpace(starts) && string.IsNullOrWhiteSpace(ends))
        {
            return (null, null);
        }

        if (!TimeOnly.TryParseExact(starts?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
            || !TimeOnly.TryParseExact(ends?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
        {
            throw new DomainException("值班时间请写成“08:00”这样的时刻，开始和结束都要填；全天值班两项都不填。");
        }

        if (s == e)
        {
            throw new DomainException("值班开始和结束时间不能相同；全天值班请两项都不填。");
        }

        return (s, e);
    }

    private static string Phone(string? phone)
    {
        var text = (phone ?? "").Trim();
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length == 0)
        {
            throw new DomainException("请填写值班电话，重大特急件要能随时打通。");
        }

        if (text.Length > 32 || digits < 5 || text.Any(c => !char.IsAsciiDigit(c) && c is not ('-' or '+' or ' ' or '(' or ')' or '转')))
        {
            throw new DomainException("值班电话格式不正确，请填写手机号或座机号（如 0734-8100101）。");
        }

        return text;
    }
}
