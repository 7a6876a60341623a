using System.Collections.Concurrent;
using SunshineBot.Core.Parents;

namespace SunshineBot.Web.Parents;

/// <summary>
/// Wakes long polls on this instance when a parent's conversation gets a line. Other instances' writes are seen by the
/// poll's periodic database check, so it is an accelerator, never the only path.
/// </summary>
public sealed class ConversationSignal
{
    private readonly ConcurrentDictionary<ParentAddress, TaskCompletionSource> _waiters = new();

    public Task WaitAsync(ParentAddress parent, TimeSpan timeout, CancellationToken ct)
    {
        var tcs = _waiters.GetOrAdd(parent, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return tcs.Task.WaitAsync(timeout, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    public void Notify(ParentAddress parent)
    {
        if (_waiters.TryRemove(parent, out var tcs))
        {
            tcs.TrySetResult();
        }
    }
}
