using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Data;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.WeChat;

/// <summary>The replies of a turn, and the passive reply the webhook answers with (null: "success", all went to the outbox).</summary>
public sealed record WeChatTurnResult(IReadOnlyList<OutgoingMessage> Replies, string? PassiveText);

/// <summary>
/// One turn in flight. Whoever decides first wins, with one compare-and-swap each: the worker finishing
/// (<see cref="TryComplete"/>: the webhook answers passively with the first replies that fit one text reply, the rest go
/// to the outbox) or a
/// webhook request running out of time (<see cref="TryAbandon"/>: it answers "success", all replies go to the outbox).
/// </summary>
public sealed class WeChatTurnJob(WeChatTurnRequest request)
{
    private const int Running = 0, Completed = 1, Abandoned = 2;
    private int _state;

    public WeChatTurnRequest Request { get; } = request;

    public TaskCompletionSource<WeChatTurnResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsAbandoned => Volatile.Read(ref _state) == Abandoned;

    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Running) is Running or Abandoned;

    internal bool TryComplete() => Interlocked.CompareExchange(ref _state, Completed, Running) == Running;
}

/// <summary>
/// Runs WeChat turns off the request: each in its own DI scope, so a turn keeps running after the webhook has answered
/// "success". A retry of a message still in flight joins the same job instead of running the turn twice; turns of
/// the same parent run one after another.
/// </summary>
public sealed class WeChatTurnQueue(IServiceScopeFactory scopes, WeChatReplyReleases releases, ILogger<WeChatTurnQueue> logger) : BackgroundService
{
    // A turn waits on the database most of its time (its reads run beside other turns; its writes queue for SQLite's
    // one writer), so more workers than cores keep the cores busy.
    private const int Workers = 8;
    private readonly Channel<WeChatTurnJob> _jobs = Channel.CreateUnbounded<WeChatTurnJob>();
    private readonly ConcurrentDictionary<string, WeChatTurnJob> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _parents = new(StringComparer.Ordinal);

    /// <summary>The job for this message: the one already running, or a new one queued now.</summary>
    public WeChatTurnJob Start(WeChatTurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = new WeChatTurnJob(request);
        var job = _inFlight.GetOrAdd(request.Key, created);
        if (ReferenceEquals(job, created) && !_jobs.Writer.TryWrite(job))
        {
            _inFlight.TryRemove(request.Key, out _);
            throw new InvalidOperationException("The WeChat turn queue is closed.");
        }

        return job;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let queued turns finish (their replies go to the outbox) within the host's shutdown time.
        _jobs.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(CancellationToken.None))
        {
            var parent = _parents.GetOrAdd(job.Request.OpenId, _ => new SemaphoreSlim(1, 1));
            await parent.WaitAsync(CancellationToken.None);
            try
            {
                await RunAsync(job, stoppingToken);
            }
            finally
            {
                parent.Release();
                _inFlight.TryRemove(new KeyValuePair<string, WeChatTurnJob>(job.Request.Key, job));
            }
        }
    }

    private async Task RunAsync(WeChatTurnJob job, CancellationToken stoppingToken)
    {
        var request = job.Request;
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var outbox = services.GetRequiredService<WeChatOutbox>();
        try
        {
            var turns = services.GetRequiredService<ParentTurns>();
            IReadOnlyList<OutgoingMessage> replies;
            if (await turns.StoredRepliesAsync(request.Message, CancellationToken.None) is { } stored)
            {
                // Handled before (another instance, or a retry after we answered): the same replies, sent nowhere again.
                replies = stored;
                var queued = await outbox.FirstReplyQueuedAsync(request.Key, CancellationToken.None);
                var again = queued ? WeChatPassiveReply.None : PlanOf(replies);
                if (!queued && !job.IsAbandoned)
                {
                    // Answered passively again (the first answer may never have reached WeChat): the held copies stand down.
                    await outbox.ReleaseRepliesAsync(request.Key, again.Count, replies.Count, CancellationToken.None);
                }

                job.TryComplete();
                job.Done.TrySetResult(new WeChatTurnResult(replies, job.IsAbandoned ? null : again.Text));
                return;
            }

            var output = await services.GetRequiredService<WeChatTurnRunner>().RunAsync(request, CancellationToken.None);
            replies = output.Replies;
            // A passive reply can only be text here; a first reply that is a picture goes out through the outbox with the rest.
            var plan = PlanOf(replies);
            var passive = (plan.Count > 0 || replies.Count == 0) && job.TryComplete() ? plan.Count : -1;
            if (passive < 0)
            {
                job.TryAbandon();
            }

            job.Done.TrySetResult(new WeChatTurnResult(replies, passive < 0 ? null : plan.Text));
            if (output.Held)
            {
                // The turn held every reply in its own transaction; releasing them is batched with other turns'.
                releases.Release(request.Key, Math.Max(passive, 0), replies.Count);
            }
            else
            {
                await outbox.AddRepliesAsync(request.OpenId, request.Key, replies, Math.Max(passive, 0), CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "WeChat turn {Key} failed", request.Key);
            var sorry = new List<OutgoingMessage> { OutgoingMessage.Say("抱歉，系统刚才出了点问题，请稍后再发一次。") };
            if (!job.TryComplete() && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await outbox.AddRepliesAsync(request.OpenId, request.Key + ":error", sorry, 0, CancellationToken.None);
                }
                catch (Exception inner)
                {
                    logger.LogError(inner, "Could not queue the apology for WeChat turn {Key}", request.Key);
                }
            }

            job.Done.TrySetResult(new WeChatTurnResult(sorry, job.IsAbandoned ? null : WeChatText.Of(sorry[0])));
        }

        WeChatPassiveReply PlanOf(IReadOnlyList<OutgoingMessage> replies) =>
            WeChatPassiveReply.Plan(replies, reply => outbox.StoredImageKeyOf(reply) is not null);
    }
}

/// <summary>A WeChat turn's replies, and whether the turn held them in the outbox (false: an image that could not be fetched, no turn ran).</summary>
public sealed record WeChatTurnOutput(IReadOnlyList<OutgoingMessage> Replies, bool Held);

/// <summary>Fetches an image's media when there is one, then runs the turn through the parent pipeline (<see cref="ParentTurns"/>).</summary>
public sealed class WeChatTurnRunner(ParentTurns turns, SunshineBot.WeChat.Api.WeChatApiClient api, ImageStore images, ILogger<WeChatTurnRunner> logger)
{
    public const string ImageFailed = "图片没有收到，请再发一次；也可以打字告诉我情况。";

    public async Task<WeChatTurnOutput> RunAsync(WeChatTurnRequest request, CancellationToken ct)
    {
        var message = request.Message;
        if (request.MediaId is { } mediaId)
        {
            try
            {
                var media = await api.DownloadMediaAsync(mediaId, ct);
                using var content = new MemoryStream(media.Content);
                var (image, error) = await images.SaveAsync(content, media.Content.Length, ct);
                if (image is null)
                {
                    return new WeChatTurnOutput([OutgoingMessage.Say(error ?? ImageFailed)], Held: false);
                }

                message = message with { Image = image };
            }
            catch (SunshineBot.WeChat.Api.WeChatApiException e)
            {
                logger.LogWarning("WeChat image {Key} could not be fetched: {Error}", request.Key, e.Message);
                return new WeChatTurnOutput([OutgoingMessage.Say(ImageFailed)], Held: false);
            }
        }

        // The sender holds the replies in the turn's own transaction (WeChatParentSender): nothing is lost between the
        // turn and the send; the webhook's decision releases them.
        return new WeChatTurnOutput(await turns.HandleAsync(message, TurnDelivery.BySender, ct), Held: true);
    }
}
