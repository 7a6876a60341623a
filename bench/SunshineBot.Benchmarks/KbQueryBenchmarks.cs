using BenchmarkDotNet.Attributes;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Evaluation;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Benchmarks;

/// <summary>One <see cref="KnowledgeBase.Ask"/> per operation, cycling through the evaluation questions.</summary>
public class KbQueryBenchmarks : IDisposable
{
    private KnowledgeBase _kb = null!;
    private string[] _questions = [];
    private int _next;

    [Params(0, 10_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var kbDirectory = BenchPaths.KbDirectory();
        var content = KbLoader.Load(kbDirectory);
        if (Entries > 0)
        {
            content = SyntheticKb.Create(content, Entries);
        }

        _kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        _questions = KbEvalQuestion.ReadJsonLines(BenchPaths.EvalFile()).Select(q => q.Question).ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _kb.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public KbAnswer Ask()
    {
        var question = _questions[_next++ % _questions.Length];
        return _kb.Ask(question);
    }
}
