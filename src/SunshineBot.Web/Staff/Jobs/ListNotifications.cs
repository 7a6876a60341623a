using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>The signed-in member's notification list (due soon, overdue, urgent, redo), newest first.</summary>
public sealed class ListNotifications(SunshineDbContext db, AlertUrgentTickets alerts, TimeProvider clock)
{
    /// <summary>
    /// The urgent notices among <paramref name="items"/> that a later alert about the same ticket replaced (dispatched
    /// again, e.g. after 退回): only the latest alert is acknowledged (确认收到), so these offer no button.
    /// </summary>
    public async Task<IReadOnlySet<long>> SupersededAsync(IReadOnlyList<StaffNotification> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var superseded = new HashSet<long>();
        var latest = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var n in items.Where(n => n.Kind == "urgent" && n.TicketNumber is not null))
        {
            if (!latest.TryGetValue(n.TicketNumber!, out var alert))
            {
                latest[n.TicketNumber!] = alert = await alerts.LatestAlertAsync(n.TicketNumber!, ct);
            }

            if (alert is not null && !string.Equals(n.Key, $"{AlertUrgentTickets.MarkKey(alert)}:{n.UserName}", StringComparison.Ordinal))
            {
                superseded.Add(n.Id);
            }
        }

        return superseded;
    }

    public async Task<IReadOnlyList<StaffNotification>> ListAsync(StaffMember member, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        return await db.StaffNotifications.AsNoTracking().Where(n => n.UserName == member.UserName)
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(ct);
    }

    public Task<int> CountUnreadAsync(StaffMember member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        return db.StaffNotifications.CountAsync(n => n.UserName == member.UserName && n.ReadAt == null, ct);
    }

    /// <summary>Marks the member's own notifications read (all unread ones when <paramref name="id"/> is null).</summary>
    public async Task MarkReadAsync(StaffMember member, long? id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = clock.GetUtcNow();
        await db.StaffNotifications.Where(n => n.UserName == member.UserName && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
