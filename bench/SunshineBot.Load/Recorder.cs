using System.Collections.Concurrent;
using System.Diagnostics;

namespace SunshineBot.Load;

/// <summary>What one scenario run saw: per-message latencies, errors, deferred answers and completed units.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentBag<List<int>> _all = [];
    private int _errors;
    private int _deferred;
    private int _units;
    private int _acknowledged;

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Answers "success" to a message that has a reply: the reply follows through the outbox.</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    /// <summary>Completed units: FAQ messages, or intakes that reached their last step.</summary>
    public int Units => Volatile.Read(ref _units);

    /// <summary>Intakes whose ticket number came back in the passive reply.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public ConcurrentBag<string> DeferredTo { get; } = [];

    public ConcurrentBag<string> Failures { get; } = [];

    public List<int> NewLatencyList()
    {
        var list = new List<int>(4096);
        _all.Add(list);
        return list;
    }

    public void Error(string what)
    {
        if (Interlocked.Increment(ref _errors) <= 5)
        {
            Failures.Add(what);
        }
    }

    public void Defer(string openId)
    {
        Interlocked.Increment(ref _deferred);
        DeferredTo.Add(openId);
    }

    public void Unit() => Interlocked.Increment(ref _units);

    public void Acknowledge() => Interlocked.Increment(ref _acknowledged);

    /// <summary>Latencies in microseconds, sorted.</summary>
    public int[] Sorted()
    {
        var all = _all.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return all;
    }

    public static int Micros(long startTimestamp) =>
        (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(startTimestamp).Ticks / 10);
}
