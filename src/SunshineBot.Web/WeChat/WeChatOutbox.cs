using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// What an outbox row for WeChat carries: the text (for an image, its caption), a title for the template route, and for
/// an image the key of its file (<see cref="WeChatOutboxImages"/>) and whether the caption already went out.
/// </summary>
public sealed record WeChatOutboxPayload(string Text, string? Title = null, string? ImageKey = null, bool CaptionSent = false, string? Url = null, string? Ref = null);

/// <summary>
/// Adds WeChat messages to the outbox in the caller's unit of work: the row is saved by the caller's own
/// SaveChanges, together with the change that caused it. <see cref="OutboxSignal"/> wakes the dispatcher after.
/// </summary>
public sealed class WeChatOutbox(SunshineDbContext db, OutboxSignal signal, WeChatOutboxImages images, WeChatHostOptions options, TimeProvider clock)
{
    /// <summary>The outbox lane of WeChat rows (the table also carries integration events): WeChat's parent channel key.</summary>
    public static readonly string Channel = ParentChannel.WeChat.Key();

    /// <summary>Adds one text message (not saved yet). The route is decided when it is sent (48-hour window).</summary>
    public OutboxMessage Add(string openId, string text, string? sourceRef, string? title = null) =>
        AddRow(openId, OutboxKind.Text, new WeChatOutboxPayload(text, title), sourceRef);

    /// <summary>
    /// Adds one text message about a ticket (not saved): the template route shows <paramref name="ticketNumber"/> as
    /// its reference rather than the row's internal <paramref name="sourceRef"/> (a job's mark key).
    /// </summary>
    public OutboxMessage AddAbout(string? ticketNumber, string openId, string text, string sourceRef, string? title = null) =>
        AddRow(openId, OutboxKind.Text, new WeChatOutboxPayload(text, title, Ref: ticketNumber), sourceRef);

    /// <summary>
    /// Adds one alert for a staff member (not saved). Sent like any text row (customer-service inside 48 hours, else the
    /// template), but the template links to the ticket in the staff pages (<see cref="WeChatHostOptions.StaffUrl"/>)
    /// rather than into the web chat.
    /// </summary>
    public OutboxMessage AddStaffAlert(string openId, string text, string sourceRef, string title, string? ticketNumber)
    {
        var staff = options.StaffPagesUrl();
        var url = staff is null ? null : ticketNumber is null ? staff : $"{staff}/tickets/{Uri.EscapeDataString(ticketNumber)}";
        return AddRow(openId, OutboxKind.Text, new WeChatOutboxPayload(text, title, Url: url, Ref: ticketNumber), sourceRef);
    }

    /// <summary>
    /// Adds one picture (not saved yet): <paramref name="storageKey"/> is a photo kept by <c>ImageStore</c> or a unit's
    /// stamp (<c>stamps/{code}.png</c>). Inside the 48-hour window it is uploaded as temporary media and sent as a
    /// customer-service image, after the <paramref name="caption"/> as a text; outside, the template message carries the
    /// caption (or <paramref name="title"/>) and the link into the web chat.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not one of ours.</exception>
    public OutboxMessage AddImage(string openId, string storageKey, string? sourceRef, string? caption = null, string? title = null)
    {
        if (!images.IsValidKey(storageKey))
        {
            throw new ArgumentException("Not an image key of the image or stamp store.", nameof(storageKey));
        }

        return AddRow(openId, OutboxKind.Image, new WeChatOutboxPayload(caption ?? "", title, storageKey), sourceRef);
    }

    /// <summary>The stored picture behind an engine reply of kind Image, or null (the reply then goes out as text).</summary>
    public string? StoredImageKeyOf(OutgoingMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply is { Kind: OutgoingKind.Image, ImageKey: { } key } && images.IsValidKey(key) && images.Exists(key) ? key : null;
    }

    /// <summary>
    /// Queues a turn's replies from <paramref name="from"/> on, each with the source "{messageKey}#{index}"; rows that
    /// already exist (a retry handled twice) are not added again. An Image reply with a stored picture is queued as a
    /// picture (<see cref="AddImage"/>), everything else as text. Saves and wakes the dispatcher.
    /// </summary>
    public async Task AddRepliesAsync(string openId, string messageKey, IReadOnlyList<OutgoingMessage> replies, int from, CancellationToken ct)
    {
        // Rows held with the turn (HoldReplies) exist already; this covers replies made outside a turn.
        var refs = Enumerable.Range(from, Math.Max(0, replies.Count - from)).Select(i => $"{messageKey}#{i}").ToList();
        if (refs.Count == 0)
        {
            return;
        }

        var existing = await db.Outbox.Where(o => o.SourceRef != null && refs.Contains(o.SourceRef)).Select(o => o.SourceRef).ToListAsync(ct);
        for (var i = from; i < replies.Count; i++)
        {
            var sourceRef = $"{messageKey}#{i}";
            if (existing.Contains(sourceRef))
            {
                continue;
            }

            AddReply(openId, replies[i], sourceRef, null);
        }

        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>
    /// Adds all replies of a turn to the turn's own unit of work (saved with it), held back for
    /// <see cref="HoldFor"/>: the webhook decides within the reply budget which go out passively, then
    /// <see cref="ReleaseRepliesAsync"/> releases them. If the process dies before that, they become due by themselves:
    /// a reply is never lost (at worst the first is sent twice, passively and as a customer-service message).
    /// </summary>
    public void HoldReplies(string openId, string messageKey, IReadOnlyList<OutgoingMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var due = clock.GetUtcNow() + HoldFor;
        for (var i = 0; i < replies.Count; i++)
        {
            AddReply(openId, replies[i], $"{messageKey}#{i}", due);
        }
    }

    /// <summary>How long turn replies wait for the webhook's decision: more than WeChat's 5 seconds.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The webhook decided: the first <paramref name="passiveCount"/> of the turn's <paramref name="replyCount"/> replies
    /// went out in the response, joined into one passive reply (recorded as sent, route Passive), or none did (0); the
    /// rest are due now.
    /// </summary>
    public async Task ReleaseRepliesAsync(string messageKey, int passiveCount, int replyCount, CancellationToken ct)
    {
        await ReleaseAsync(messageKey, passiveCount, replyCount, ct);
        signal.Notify();
    }

    /// <summary><see cref="ReleaseRepliesAsync"/> without waking the dispatcher, for a batch that wakes it once (<see cref="WeChatReplyReleases"/>).</summary>
    internal async Task ReleaseAsync(string messageKey, int passiveCount, int replyCount, CancellationToken ct)
    {
        // The rows are named exactly ("{key}#{i}"), so both updates find them through the SourceRef index; a prefix
        // match (LIKE) scanned the whole outbox on SQLite, under the write lock, once per message.
        var now = clock.GetUtcNow();
        if (passiveCount > 0)
        {
            var passive = Enumerable.Range(0, passiveCount).Select(i => $"{messageKey}#{i}").ToList();
            await db.Outbox.Where(o => o.SourceRef != null && passive.Contains(o.SourceRef) && o.Status == OutboxStatus.Pending && o.Attempts == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.Route, OutboxRoute.Passive).SetProperty(o => o.SentAt, now), ct);
        }

        if (replyCount > passiveCount)
        {
            var rest = Enumerable.Range(passiveCount, replyCount - passiveCount).Select(i => $"{messageKey}#{i}").ToList();
            await db.Outbox.Where(o => o.SourceRef != null && rest.Contains(o.SourceRef) && o.Status == OutboxStatus.Pending && o.Attempts == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now), ct);
        }
    }

    private void AddReply(string openId, OutgoingMessage reply, string sourceRef, DateTimeOffset? due)
    {
        if (StoredImageKeyOf(reply) is { } key)
        {
            AddImage(openId, key, sourceRef, WeChatText.CaptionOf(reply)).NextAttemptAt = due ?? clock.GetUtcNow();
        }
        else
        {
            Add(openId, WeChatText.Of(reply), sourceRef).NextAttemptAt = due ?? clock.GetUtcNow();
        }
    }

    private OutboxMessage AddRow(string openId, OutboxKind kind, WeChatOutboxPayload payload, string? sourceRef)
    {
        var now = clock.GetUtcNow();
        var row = new OutboxMessage
        {
            Channel = Channel,
            Recipient = openId,
            Kind = kind,
            PayloadJson = JsonSerializer.Serialize(payload, ParentJson.Options),
            Route = OutboxRoute.CustomerService,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            SourceRef = sourceRef,
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>Wakes the dispatcher after the caller saved rows added with <see cref="Add"/>.</summary>
    public void Wake() => signal.Notify();

    /// <summary>
    /// True when the first reply to this message went through the outbox (the webhook answered "success"): released
    /// and not sent passively. A row still held means the first request is deciding; a retry may answer passively.
    /// </summary>
    public Task<bool> FirstReplyQueuedAsync(string messageKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Outbox.AnyAsync(o => o.SourceRef == messageKey + "#0" && o.Route != OutboxRoute.Passive
            && !(o.Status == OutboxStatus.Pending && o.Attempts == 0 && o.NextAttemptAt > now), ct);
    }
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
