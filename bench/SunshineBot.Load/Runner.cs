using System.Diagnostics;
using System.Globalization;

namespace SunshineBot.Load;

/// <summary>The figures of one scenario against one target.</summary>
internal sealed record RunResult(
    string Scenario, string Target, int Messages, double Seconds, int[] Latencies, int Errors, int Deferred, int Units, int Acknowledged,
    long PeakRssMb, double CpuSeconds, string LoadBefore, string LoadAfter, IReadOnlyList<string> Failures)
{
    public double MessagesPerSecond => Messages / Seconds;

    public double UnitsPerSecond => Units / Seconds;

    public double Percentile(double p) => Latencies.Length == 0 ? 0 : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)] / 1000.0;

    public IReadOnlyList<string> DeferredTo { get; init; } = [];

    /// <summary>CPU time the target spent per message: independent of how much of the machine others took.</summary>
    public double CpuMsPerMessage => Messages == 0 ? 0 : 1000 * CpuSeconds / Messages;

    public double MaxMs => Latencies.Length == 0 ? 0 : Latencies[^1] / 1000.0;
}

/// <summary>Runs <c>connections</c> workers, each sending its units back to back on its own connection, for a duration.</summary>
internal static class Runner
{
    public static async Task<RunResult> RunAsync(Scenario scenario, TargetProcess target, Traffic traffic, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var recorder = new Recorder();
        var runId = Convert.ToHexStringLower(BitConverter.GetBytes(Stopwatch.GetTimestamp()))[..8];
        var loadBefore = ProcessWatch.LoadAverage();
        await using var watch = new ProcessWatch(target.Pid);
        var cpuBefore = ProcessWatch.CpuSeconds(target.Pid);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var context = new WorkerContext(client, target.Url, i, connections, recorder, recorder.NewLatencyList(), runId);
            for (long seq = 0; Stopwatch.GetElapsedTime(started) < duration; seq++)
            {
                await scenario.RunUnitAsync(context, seq, traffic);
            }
        })).ToList();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = recorder.Sorted();
        return new RunResult(scenario.Name, target.Name, latencies.Length, seconds, latencies, recorder.Errors, recorder.Deferred, recorder.Units,
            recorder.Acknowledged, watch.PeakMb, ProcessWatch.CpuSeconds(target.Pid) - cpuBefore, loadBefore, ProcessWatch.LoadAverage(), [.. recorder.Failures])
        {
            DeferredTo = [.. recorder.DeferredTo],
        };
    }

    public static string Header =>
        "| scenario | target | msgs/s | units/s | p50 ms | p95 ms | p99 ms | max ms | errors | deferred | acked | peak RSS MB | CPU ms/msg | load before→after |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(RunResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {r.Target} | {r.MessagesPerSecond:F0} | {r.UnitsPerSecond:F1} | {r.Percentile(0.50):F1} | {r.Percentile(0.95):F1} | {r.Percentile(0.99):F1} | {r.MaxMs:F0} | {r.Errors} | {r.Deferred} | {r.Acknowledged} | {r.PeakRssMb} | {r.CpuMsPerMessage:F2} | {r.LoadBefore}→{r.LoadAfter} |");
}
