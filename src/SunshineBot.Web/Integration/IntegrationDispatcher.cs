using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Integration;

/// <summary>
/// Sends the integration rows of the outbox, at least once: claimed with one conditional UPDATE (so two instances
/// never post the same row at once; a crashed claim expires), retried with back-off until
/// <see cref="IntegrationDeliveryOptions.MaxAttempts"/>, then Failed for an admin to replay.
/// </summary>
public sealed class IntegrationDispatcher(IServiceScopeFactory scopes, IntegrationSignal signal, IntegrationDeliveryOptions options, TimeProvider clock, ILogger<IntegrationDispatcher> logger)
    : BackgroundService
{
    private readonly string _instance = Truncate($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", 100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Integration dispatch failed; trying again later");
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the rows due now; returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<long> due;
        var now = clock.GetUtcNow();
        using (var scope = scopes.CreateScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<SunshineDbContext>().Outbox.AsNoTracking()
                .Where(o => o.Channel == IntegrationEvents.Channel)
                .Where(o => (o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatus.Sending && o.ClaimedUntil < now))
                .OrderBy(o => o.Id).Select(o => o.Id).Take(20).ToListAsync(ct);
        }

        var handled = 0;
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            if (await TryClaimAsync(db, id, ct))
            {
                await SendClaimedAsync(db, scope.ServiceProvider.GetRequiredService<IntegrationSender>(), id, ct);
                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> TryClaimAsync(SunshineDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.ClaimTimeout;
        return await db.Outbox
            .Where(o => o.Id == id && (o.Status == OutboxStatus.Pending || (o.Status == OutboxStatus.Sending && o.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.ClaimedBy, _instance).SetProperty(o => o.ClaimedUntil, until), ct) == 1;
    }

    private async Task SendClaimedAsync(SunshineDbContext db, IntegrationSender sender, long id, CancellationToken ct)
    {
        var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
        row.Attempts++;
        try
        {
            await sender.SendAsync(row, ct);
            row.Status = OutboxStatus.Sent;
            row.SentAt = clock.GetUtcNow();
            row.LastError = null;
            logger.LogInformation("Integration event {Event} delivered to {Platform} after {Attempts} attempt(s)", row.SourceRef, row.Recipient, row.Attempts);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            var permanent = e is IntegrationDeliveryException { Permanent: true } or System.Text.Json.JsonException or KeyNotFoundException;
            row.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            if (permanent || row.Attempts >= options.MaxAttempts)
            {
                row.Status = OutboxStatus.Failed;
                logger.LogWarning("Integration event {Event} to {Platform} failed for good after {Attempts} attempt(s): {Error}", row.SourceRef, row.Recipient, row.Attempts, row.LastError);
            }
            else
            {
                row.Status = OutboxStatus.Pending;
                row.NextAttemptAt = clock.GetUtcNow() + OutboxBackoff.Delay(row.Attempts, options.BaseDelay, options.MaxDelay);
                logger.LogInformation("Integration event {Event} to {Platform}: attempt {Attempts} failed, next at {Next}: {Error}", row.SourceRef, row.Recipient, row.Attempts, row.NextAttemptAt, row.LastError);
            }
        }

        row.ClaimedBy = null;
        row.ClaimedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
