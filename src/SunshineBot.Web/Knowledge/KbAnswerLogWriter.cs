using System.Threading.Channels;
using SunshineBot.Data;
using SunshineBot.Data.Knowledge;
using SunshineBot.Knowledge.Answering;

namespace SunshineBot.Web.Knowledge;

/// <summary>
/// Stores every knowledge-base answer with its question. Recording is a queue write, so the answer path never
/// waits for the database; a background loop saves in batches. Under a flood the oldest unsaved entries give way.
/// </summary>
public sealed class KbAnswerLogWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KbAnswerLogWriter> logger)
    : BackgroundService, IKbAnswerLog
{
    private const int BatchSize = 200;
    private readonly Channel<KbAnswerRecord> _queue = Channel.CreateBounded<KbAnswerRecord>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Record(string question, KbAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var shown = answer.Best ?? (answer.Suggestions.Count > 0 ? answer.Suggestions[0] : null);
        _queue.Writer.TryWrite(new KbAnswerRecord
        {
            At = clock.GetUtcNow(),
            Question = question.Length > 500 ? question[..500] : question,
            Status = answer.Status.ToString(),
            EntryId = shown?.Entry.Id,
            Score = shown?.Score ?? 0,
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await SaveBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: save what is already queued.
            await SaveBatchAsync(CancellationToken.None);
        }
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        var batch = new List<KbAnswerRecord>(BatchSize);
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            db.KbAnswerLog.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not store {Count} knowledge-base answers", batch.Count);
        }
    }
}
