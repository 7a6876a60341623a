using BenchmarkDotNet.Attributes;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Baselines measured in the same run as the kb benchmarks, to read them against: the harness with nothing to
/// do, and a fixed amount of arithmetic whose time shows how busy the shared machine was during the run.
/// </summary>
public class NoWorkBenchmarks
{
    private readonly int[] _numbers = Enumerable.Range(0, 100_000).ToArray();

    [Benchmark]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods.")]
    public int Nothing() => 0;

    /// <summary>100,000 additions: about 40 µs at one addition per cycle of a 2.5 GHz core.</summary>
    [Benchmark]
    public long FixedWork()
    {
        long sum = 0;
        foreach (var n in _numbers)
        {
            sum += n;
        }

        return sum;
    }
}
