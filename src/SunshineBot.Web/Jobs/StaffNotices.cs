using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Who hears about a ticket, and the notification list they read it on. Rows are added to the caller's unit of work
/// (saved with the job mark). Staff accounts have no WeChat identity yet, so staff WeChat template messages are not
/// sent: the list on the admin page is the staff channel (see docs/jobs.md).
/// </summary>
public sealed class StaffNotices(SunshineDbContext db, TimeProvider clock)
{
    /// <summary>The active staff of the unit itself (its handlers, admins and leaders).</summary>
    public async Task<IReadOnlyList<string>> StaffOfUnitAsync(string unitCode, CancellationToken ct) =>
        await db.StaffUsers.Where(u => u.Active && u.UnitCode == unitCode).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(ct);

    /// <summary>Centre admins of the units above <paramref name="unitCode"/> (its supervising centres); all centre admins when none.</summary>
    public async Task<IReadOnlyList<string>> SupervisorsOfAsync(string unitCode, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(ct);
        var admins = await db.StaffUsers.Where(u => u.Active && u.Role == StaffRole.CentreAdmin)
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.UserName, u.UnitCode, unit.Path })
            .ToListAsync(ct);
        var above = admins.Where(a => path is not null && a.UnitCode != unitCode && path.StartsWith(a.Path, StringComparison.Ordinal)).Select(a => a.UserName).ToList();
        return above.Count > 0 ? above : CentreAdminsAtTheTop(admins.Select(a => (a.UserName, a.Path)));
    }

    /// <summary>The staff on duty on <paramref name="day"/> (值班表), or the centre admins when the roster has no one.</summary>
    public async Task<IReadOnlyList<string>> OnDutyAsync(DateOnly day, CancellationToken ct)
    {
        var onDuty = await db.DutyRoster.Where(s => s.Day == day)
            .Join(db.StaffUsers.Where(u => u.Active), s => s.UserName, u => u.UserName, (s, u) => u.UserName)
            .OrderBy(n => n).ToListAsync(ct);
        if (onDuty.Count > 0)
        {
            return onDuty;
        }

        var admins = await db.StaffUsers.Where(u => u.Active && u.Role == StaffRole.CentreAdmin)
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.UserName, unit.Path })
            .ToListAsync(ct);
        return CentreAdminsAtTheTop(admins.Select(a => (a.UserName, a.Path)));
    }

    /// <summary>Adds one notification per recipient (not saved), keyed by the cause so it is listed once.</summary>
    public void Add(string cause, string kind, string? ticketNumber, string text, IEnumerable<string> userNames)
    {
        var now = clock.GetUtcNow();
        foreach (var user in userNames.Distinct(StringComparer.Ordinal))
        {
            db.StaffNotifications.Add(new StaffNotification
            {
                Key = $"{cause}:{user}",
                UserName = user,
                Kind = kind,
                TicketNumber = ticketNumber,
                Text = text.Length <= 1000 ? text : text[..1000],
                CreatedAt = now,
            });
        }
    }

    // The admins of the topmost units that have any: the service centre.
    private static List<string> CentreAdminsAtTheTop(IEnumerable<(string UserName, string Path)> admins)
    {
        var list = admins.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var top = list.Min(a => a.Path.Count(c => c == '/'));
        return list.Where(a => a.Path.Count(c => c == '/') == top).Select(a => a.UserName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
