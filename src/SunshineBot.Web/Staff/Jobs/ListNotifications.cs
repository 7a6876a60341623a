using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>The signed-in member's notification list (due soon, overdue, urgent, redo), newest first.</summary>
public sealed class ListNotifications(SunshineDbContext db, TimeProvider clock)
{
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
