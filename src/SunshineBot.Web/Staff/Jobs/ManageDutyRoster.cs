using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>One line of the roster as the page shows it.</summary>
public sealed record DutyLine(long Id, DateOnly Day, string UserName, string DisplayName, string? Note);

/// <summary>值班表: who is on duty on which date (urgent tickets alert them at any hour). Centre admins only.</summary>
public sealed class ManageDutyRoster(SunshineDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<DutyLine>> ListAsync(StaffMember member, DateOnly from, int days, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var to = from.AddDays(days);
        // Ordered on an anonymous projection: EF cannot translate a member of a constructed record.
        var rows = await db.DutyRoster.AsNoTracking().Where(s => s.Day >= from && s.Day < to)
            .Join(db.StaffUsers, s => s.UserName, u => u.UserName, (s, u) => new { s.Id, s.Day, s.UserName, u.DisplayName, s.Note })
            .OrderBy(l => l.Day).ThenBy(l => l.UserName).ToListAsync(ct);
        return rows.Select(l => new DutyLine(l.Id, l.Day, l.UserName, l.DisplayName, l.Note)).ToList();
    }

    /// <summary>Puts <paramref name="userName"/> on duty on every date from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task<int> AddAsync(StaffMember member, DateOnly from, DateOnly to, string userName, string? note, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        if (to < from || to.DayNumber - from.DayNumber > 92)
        {
            throw new DomainException("值班日期不正确（结束日期不早于开始日期，一次最多排三个月）。");
        }

        var name = userName.Trim();
        if (!await db.StaffUsers.AnyAsync(u => u.UserName == name && u.Active, ct))
        {
            throw new DomainException($"未找到启用的账号「{name}」。");
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 200)];
        var existing = await db.DutyRoster.Where(s => s.UserName == name).Select(s => s.Day).ToListAsync(ct);
        var added = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!existing.Contains(day))
            {
                db.DutyRoster.Add(new DutyShift { Day = day, UserName = name, Note = trimmed, CreatedAt = clock.GetUtcNow() });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task RemoveAsync(StaffMember member, long id, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        await db.DutyRoster.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }
}
