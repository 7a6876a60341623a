using BenchmarkDotNet.Attributes;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Benchmarks;

/// <summary>Index build time (analysis + in-memory postings) at the real size and at 10,000 entries.</summary>
public class KbBuildBenchmarks
{
    private KbContent _content = null!;
    private string _kbDirectory = "";

    [Params(0, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _kbDirectory = BenchPaths.KbDirectory();
        var real = KbLoader.Load(_kbDirectory);
        _content = Entries > 0 ? SyntheticKb.Create(real, Entries) : real;
    }

    [Benchmark]
    public int Build()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), _content);
        return kb.Entries.Count;
    }

    /// <summary>Reading and parsing kb/ from disk: the other half of a start-up or a rebuild.</summary>
    [Benchmark]
    public int LoadRealKbFromDisk() => KbLoader.Load(_kbDirectory).Entries.Count;
}
