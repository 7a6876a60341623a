using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Integration;

/// <summary>One outbound event as the admin page and API show it (the payload carries no personal data beyond the reply).</summary>
public sealed record DeliveryLine(
    long Id, string Platform, string? EventId, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

/// <summary>
/// The integration deliveries for centre admins: the failed ones (or any status) and replaying them. A replay puts the
/// row back to Pending with a fresh attempt count; the event id stays, so a receiver that saw it already can ignore it.
/// </summary>
public sealed class ReplayDeliveries(SunshineDbContext db, IntegrationSignal signal, TimeProvider clock, ILogger<ReplayDeliveries> logger)
{
    public async Task<IReadOnlyList<DeliveryLine>> ListAsync(StaffMember member, OutboxStatus status, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Channel == IntegrationEvents.Channel && o.Status == status)
            .OrderByDescending(o => o.Id).Take(200).ToListAsync(ct);
        return rows.Select(o => new DeliveryLine(o.Id, o.Recipient, o.SourceRef, o.Status.ToString(), o.Attempts, o.LastError, o.CreatedAt, o.NextAttemptAt, o.SentAt)).ToList();
    }

    /// <summary>Replays one failed delivery; false when there is no such failed row (already replayed, or not ours).</summary>
    public async Task<bool> ReplayAsync(StaffMember member, long id, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var now = clock.GetUtcNow();
        var replayed = await db.Outbox.Where(o => o.Id == id && o.Channel == IntegrationEvents.Channel && o.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending).SetProperty(o => o.Attempts, 0).SetProperty(o => o.NextAttemptAt, now), ct);
        if (replayed == 1)
        {
            logger.LogInformation("Integration delivery {Id} replayed by staff {User}", id, member.UserName);
            signal.Notify();
        }

        return replayed == 1;
    }

    /// <summary>Replays every failed delivery; returns how many.</summary>
    public async Task<int> ReplayAllAsync(StaffMember member, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var now = clock.GetUtcNow();
        var replayed = await db.Outbox.Where(o => o.Channel == IntegrationEvents.Channel && o.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending).SetProperty(o => o.Attempts, 0).SetProperty(o => o.NextAttemptAt, now), ct);
        logger.LogInformation("{Count} integration deliveries replayed by staff {User}", replayed, member.UserName);
        signal.Notify();
        return replayed;
    }
}
