using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SunshineBot.Benchmarks;

internal static class BenchConfig
{
    /// <summary>
    /// A short in-process job: BenchmarkDotNet 0.14 (the newest the mirror has) predates net10.0, so it
    /// cannot generate a child project for it, and the 2-core machine is slow to build one anyway.
    /// </summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
