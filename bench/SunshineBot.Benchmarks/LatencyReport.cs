using System.Diagnostics;
using System.Globalization;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Evaluation;
using SunshineBot.Knowledge.Indexing;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Per-query latency percentiles (BenchmarkDotNet reports per-iteration means, not single-query tails),
/// build time and memory of the loaded index, at the real size and at 10,000 entries.
/// </summary>
internal static class LatencyReport
{
    public static void Run(string kbDirectory, string evalFile, TextWriter output)
    {
        var real = KbLoader.Load(kbDirectory);
        var questions = KbEvalQuestion.ReadJsonLines(evalFile).Select(q => q.Question).ToArray();
        output.WriteLine("| kb size | build | managed heap after build | Lucene + variants | terms | postings | query median | p95 | p99 | max | CPU median | CPU p99 | 1 thread | 4 threads |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in new[] { real.Entries.Count, 10_000 })
        {
            var content = size == real.Entries.Count ? real : SyntheticKb.Create(real, size);
            Measure(content, questions, output);
        }
    }

    private static void Measure(KbContent content, string[] questions, TextWriter output)
    {
        // The build's own garbage is collected before the second reading: what remains is the loaded index.
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        var build = stopwatch.Elapsed;
        var managed = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        var index = KbIndexBuilder.Build(content); // a twin, only to read its sizes

        foreach (var question in questions)
        {
            kb.Ask(question); // warm-up: JIT, prepared statements, page cache
        }

        // Wall-clock time includes waiting for a core on a shared machine; the thread's CPU time does not.
        var samples = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            foreach (var question in questions)
            {
                var cpuStart = ThreadCpu.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                kb.Ask(question);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu.Add(ThreadCpu.Milliseconds() - cpuStart);
            }
        }

        samples.Sort();
        cpu.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {content.Entries.Count:N0} | {build.TotalMilliseconds:0} ms | {managed / 1048576.0:0.0} MB | {index.MemoryBytes / 1048576.0:0.0} MB | {index.TermCount:N0} | {index.PostingCount:N0} | " +
            $"{At(samples, 0.50):0.000} ms | {At(samples, 0.95):0.000} ms | {At(samples, 0.99):0.000} ms | {samples[^1]:0.000} ms | " +
            $"{At(cpu, 0.50):0.000} ms | {At(cpu, 0.99):0.000} ms | " +
            $"{Throughput(kb, questions, 1):N0} q/s | {Throughput(kb, questions, 4):N0} q/s |"));
    }

    /// <summary>Questions per second with several threads asking at once.</summary>
    private static double Throughput(KnowledgeBase kb, string[] questions, int threads)
    {
        var perThread = questions.Length * 5;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                kb.Ask(questions[(i + (t * 7)) % questions.Length]);
            }
        });
        return threads * perThread / stopwatch.Elapsed.TotalSeconds;
    }

    private static double At(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
