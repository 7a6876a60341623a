using System.Threading.Channels;
using SunshineBot.Data;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Releases the held replies of finished WeChat turns in batches: whatever decisions came in while the last batch was
/// being written go into the next one, in one transaction, so a busy account costs one commit per batch rather than
/// one per message on SQLite's single writer (issue 13). The webhook has already answered by then; a release that is
/// lost to a crash costs nothing either, because held rows become due by themselves (<see cref="WeChatOutbox.HoldFor"/>).
/// </summary>
public sealed partial class WeChatReplyReleases(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<WeChatReplyReleases> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private readonly Channel<(string Key, int PassiveCount, int ReplyCount)> _pending = Channel.CreateUnbounded<(string, int, int)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the release of one turn's replies (see <see cref="WeChatOutbox.ReleaseRepliesAsync"/>).</summary>
    public void Release(string messageKey, int passiveCount, int replyCount)
    {
        if (!_pending.Writer.TryWrite((messageKey, passiveCount, replyCount)))
        {
            // Shutting down: the held rows become due by themselves.
            LogDropped(messageKey);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Write what is queued before the host stops (within its shutdown time).
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Key, int PassiveCount, int ReplyCount)>(BatchSize);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < BatchSize && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                LogFailed(e, batch.Count);
            }
        }
    }

    private async Task WriteAsync(List<(string Key, int PassiveCount, int ReplyCount)> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<WeChatOutbox>();
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            foreach (var (key, passive, count) in batch)
            {
                await outbox.ReleaseAsync(key, passive, count, CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }

        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release {Count} WeChat turns' replies; they become due by themselves")]
    private partial void LogFailed(Exception e, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Release of {Key} dropped at shutdown; its replies become due by themselves")]
    private partial void LogDropped(string key);
}
