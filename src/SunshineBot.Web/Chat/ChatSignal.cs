using System.Collections.Concurrent;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Wakes long polls on this instance when a parent's chat gets a message. Other instances' writes are seen by the
/// poll's periodic database check, so it is an accelerator, never the only path.
/// </summary>
public sealed class ChatSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public Task WaitAsync(string channel, string userId, TimeSpan timeout, CancellationToken ct)
    {
        var tcs = _waiters.GetOrAdd(Key(channel, userId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return tcs.Task.WaitAsync(timeout, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    public void Notify(string channel, string userId)
    {
        if (_waiters.TryRemove(Key(channel, userId), out var tcs))
        {
            tcs.TrySetResult();
        }
    }

    private static string Key(string channel, string userId) => channel + "\n" + userId;
}
