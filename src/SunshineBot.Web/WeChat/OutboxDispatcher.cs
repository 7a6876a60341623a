using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.WeChat.Api;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Sends due outbox rows. A row is claimed with one conditional UPDATE (Pending, or a Sending claim that expired →
/// Sending by this instance), so two instances never send the same row; a dispatcher that dies mid-send loses its
/// claim after <see cref="WeChatOutboxOptions.ClaimTimeout"/> and the row is taken again. Transient failures are
/// retried with backoff up to MaxAttempts; permanent ones are marked Failed at once.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, WeChatHostOptions options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
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
                logger.LogError(e, "Outbox dispatch failed; trying again later");
            }

            try
            {
                await signal.WaitAsync(options.Outbox.PollInterval, stoppingToken);
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
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            due = await db.Outbox.AsNoTracking()
                .Where(o => o.Channel == WeChatOutbox.Channel)
                .Where(o => (o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatus.Sending && o.ClaimedUntil < now))
                .OrderBy(o => o.Id).Select(o => o.Id).Take(20).ToListAsync(ct);
        }

        var handled = 0;
        foreach (var id in due)
        {
            using var scope = scopes.CreateScope();
            if (await TryClaimAsync(scope.ServiceProvider.GetRequiredService<SunshineDbContext>(), id, ct))
            {
                await SendClaimedAsync(scope.ServiceProvider, id, ct);
                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> TryClaimAsync(SunshineDbContext db, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Outbox.ClaimTimeout;
        var claimed = await db.Outbox
            .Where(o => o.Id == id && (o.Status == OutboxStatus.Pending || (o.Status == OutboxStatus.Sending && o.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.ClaimedBy, _instance).SetProperty(o => o.ClaimedUntil, until), ct);
        return claimed == 1;
    }

    private async Task SendClaimedAsync(IServiceProvider services, long id, CancellationToken ct)
    {
        var db = services.GetRequiredService<SunshineDbContext>();
        var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
        row.Attempts++;
        try
        {
            row.Route = await services.GetRequiredService<WeChatOutboxSender>().SendAsync(row, ct);
            row.Status = OutboxStatus.Sent;
            row.SentAt = clock.GetUtcNow();
            row.LastError = null;
            logger.LogInformation("Outbox {Id} sent by {Route} after {Attempts} attempt(s)", row.Id, row.Route, row.Attempts);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the claim expires and another dispatcher (or this one, restarted) sends it.
            return;
        }
        catch (Exception e)
        {
            var permanent = e is WeChatApiException { Kind: WeChatFailureKind.Permanent } or InvalidOperationException or System.Text.Json.JsonException;
            row.LastError = Describe(e);
            if (permanent || row.Attempts >= options.Outbox.MaxAttempts)
            {
                row.Status = OutboxStatus.Failed;
                logger.LogWarning("Outbox {Id} failed for good after {Attempts} attempt(s): {Error}", row.Id, row.Attempts, row.LastError);
            }
            else
            {
                row.Status = OutboxStatus.Pending;
                row.NextAttemptAt = clock.GetUtcNow() + OutboxBackoff.Delay(row.Attempts, options.Outbox.BaseDelay, options.Outbox.MaxDelay);
                logger.LogInformation("Outbox {Id} attempt {Attempts} failed, next at {Next}: {Error}", row.Id, row.Attempts, row.NextAttemptAt, row.LastError);
            }
        }

        row.ClaimedBy = null;
        row.ClaimedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    // Never the payload: errors carry WeChat's errcode/errmsg or the transport failure, not the parent's text.
    private static string Describe(Exception e)
    {
        var text = e is WeChatApiException w ? w.Message : $"{e.GetType().Name}: {e.Message}";
        return Truncate(text, 1000);
    }
}
