using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;

namespace SunshineBot.Web.WeChat;

/// <summary>What an outbox row for WeChat carries: the text, and a title for the template route.</summary>
public sealed record WeChatOutboxPayload(string Text, string? Title = null);

/// <summary>
/// Adds WeChat messages to the outbox in the caller's unit of work: the row is saved by the caller's own
/// SaveChanges, together with the change that caused it. <see cref="OutboxSignal"/> wakes the dispatcher after.
/// </summary>
public sealed class WeChatOutbox(SunshineDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public const string Channel = "wechat";

    /// <summary>Adds one text message (not saved yet). The route is decided when it is sent (48-hour window).</summary>
    public OutboxMessage Add(string openId, string text, string? sourceRef, string? title = null)
    {
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Channel = Channel,
            Recipient = openId,
            Kind = OutboxKind.Text,
            PayloadJson = JsonSerializer.Serialize(new WeChatOutboxPayload(text, title), Json),
            Route = OutboxRoute.CustomerService,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            SourceRef = sourceRef,
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>
    /// Queues a turn's replies from <paramref name="from"/> on, each with the source "{messageKey}#{index}"; rows that
    /// already exist (a retry handled twice) are not added again. Saves and wakes the dispatcher.
    /// </summary>
    public async Task AddRepliesAsync(string openId, string messageKey, IReadOnlyList<OutgoingMessage> replies, int from, CancellationToken ct)
    {
        var refs = Enumerable.Range(from, Math.Max(0, replies.Count - from)).Select(i => $"{messageKey}#{i}").ToList();
        if (refs.Count == 0)
        {
            return;
        }

        var existing = await db.Outbox.Where(o => o.SourceRef != null && refs.Contains(o.SourceRef)).Select(o => o.SourceRef).ToListAsync(ct);
        for (var i = from; i < replies.Count; i++)
        {
            if (!existing.Contains($"{messageKey}#{i}"))
            {
                Add(openId, WeChatText.Of(replies[i]), $"{messageKey}#{i}");
            }
        }

        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>Wakes the dispatcher after the caller saved rows added with <see cref="Add"/>.</summary>
    public void Wake() => signal.Notify();

    /// <summary>True when the first reply to this message went through the outbox (the webhook answered "success").</summary>
    public Task<bool> FirstReplyQueuedAsync(string messageKey, CancellationToken ct) =>
        db.Outbox.AnyAsync(o => o.SourceRef == messageKey + "#0", ct);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Wakes this instance's dispatcher when a row was written here (other instances find it by polling).</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public void Dispose() => _wake.Dispose();
}
