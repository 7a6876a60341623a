using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Knowledge;

/// <summary>
/// The knowledge base the chat asks: holds the current <see cref="KbIndex"/> and swaps in a new one on
/// <see cref="Rebuild()"/> without downtime — the new index is built aside while queries use the old one,
/// queries in flight finish on the index they started with, and the GC collects it after them.
/// Thread-safe; create one per process.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly KnowledgeBaseOptions _options;
    private readonly TimeProvider _time;
    private readonly IKbAnswerLog? _log;
    private readonly Lock _rebuildLock = new();
    private KbIndex _current;
    private int _disposed;

    /// <summary>Loads <see cref="KnowledgeBaseOptions.Path"/> and builds the index at once.</summary>
    public KnowledgeBase(KnowledgeBaseOptions options, TimeProvider? time = null, IKbAnswerLog? log = null)
        : this(options, KbLoader.Load(options?.Path ?? throw new ArgumentNullException(nameof(options))), time, log)
    {
    }

    /// <summary>Builds from content already in memory (tests, benchmarks, generated data).</summary>
    public KnowledgeBase(KnowledgeBaseOptions options, KbContent content, TimeProvider? time = null, IKbAnswerLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _log = log;
        (_current, LastBuild) = BuildIndex(content);
    }

    public KbBuildReport LastBuild { get; private set; }

    /// <summary>Entries of the index now in use.</summary>
    public IReadOnlyList<KbEntry> Entries => Volatile.Read(ref _current).Entries;

    public KbAnswer Ask(string question)
    {
        var text = Clip(question);
        KbAnswer answer;
        if (text.Length == 0)
        {
            answer = new KbAnswer { Question = text, Status = KbAnswerStatus.Empty };
        }
        else
        {
            var index = CurrentIndex();
            var hits = index.Search(text, 5);
            answer = Emergency(index, text, hits)
                ?? (hits.Count == 0 && index.Analyzer.AnalyzeQuery(text).Count == 0
                    ? new KbAnswer { Question = text, Status = KbAnswerStatus.Empty }
                    : WithPassages(index, KbAnswerPolicy.Decide(text, hits, _options.Answer)));
        }

        _log?.Record(text, answer);
        return answer;
    }

    /// <summary>
    /// The citations of an entry with the policy passages that match the question: for an entry the parent
    /// picked from the suggestions, say. Empty when the entry is unknown.
    /// </summary>
    public IReadOnlyList<KbCitation> Cite(KbEntry entry, string question) => CurrentIndex().CitationsWithPassages(entry, Clip(question));

    /// <summary>Ranked entries for a question, best first, without the answer/not-sure decision.</summary>
    public IReadOnlyList<KbHit> Search(string question, int limit) => CurrentIndex().Search(Clip(question), limit);

    /// <summary>Share of the question's weight in terms the kb never uses (0 to 1): high for off-topic questions.</summary>
    public double UnknownShare(string question) => CurrentIndex().UnknownShare(Clip(question));

    /// <summary>Reloads the kb/ folder and swaps the new index in.</summary>
    public KbBuildReport Rebuild() => Rebuild(KbLoader.Load(_options.Path));

    /// <summary>Swaps in an index of the given content; queries keep using the old index until it is ready.</summary>
    public KbBuildReport Rebuild(KbContent content)
    {
        lock (_rebuildLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var (index, report) = BuildIndex(content);
            Volatile.Write(ref _current, index);
            LastBuild = report;
            return report;
        }
    }

    /// <summary>Nothing native to free any more; after it, every call throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Volatile.Write(ref _disposed, 1);

    private KbIndex CurrentIndex()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return Volatile.Read(ref _current);
    }

    /// <summary>
    /// A child may be in danger: the emergency entry answers first, and the best other hits follow it, so a
    /// fee question asked in the same message is still offered.
    /// </summary>
    private KbAnswer? Emergency(KbIndex index, string text, IReadOnlyList<KbHit> hits)
    {
        if (_options.Answer.EmergencyEntryId.Length == 0 || SafetyWords.Find(text) is null)
        {
            return null;
        }

        var entry = index.Entries.FirstOrDefault(e => e.Id == _options.Answer.EmergencyEntryId);
        if (entry is null)
        {
            return null;
        }

        var first = new KbHit(entry, hits.Count > 0 ? hits[0].Score : 0, 1, 1, double.PositiveInfinity, index.CitationsWithPassages(entry, text));
        return new KbAnswer
        {
            Question = text,
            Status = KbAnswerStatus.Answered,
            Ranked = [first, .. hits.Where(h => h.Entry.Id != entry.Id).Take(2)],
        };
    }

    /// <summary>The answer quotes the rule it rests on: each cited policy's passage that matches the question.</summary>
    private static KbAnswer WithPassages(KbIndex index, KbAnswer answer)
    {
        if (answer.Best is not { } best)
        {
            return answer;
        }

        var cited = best with { Citations = index.CitationsWithPassages(best.Entry, answer.Question) };
        return answer with { Ranked = [cited, .. answer.Ranked.Skip(1)] };
    }

    private string Clip(string? question)
    {
        var text = (question ?? "").Trim();
        return text.Length > _options.Answer.MaxQuestionLength ? text[.._options.Answer.MaxQuestionLength] : text;
    }

    private (KbIndex Index, KbBuildReport Report) BuildIndex(KbContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var started = _time.GetTimestamp();
        var index = KbIndexBuilder.Build(content, _options.Analyzer, _options.Index);
        var report = new KbBuildReport(index.Entries.Count, content.Policies.Count, content.Synonyms.Groups.Count,
            index.TermCount, content.Problems, _time.GetElapsedTime(started));
        return (index, report);
    }
}
