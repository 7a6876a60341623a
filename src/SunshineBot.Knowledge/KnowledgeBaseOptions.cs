using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge;

/// <summary>Configuration of the knowledge base (bind from the section "KnowledgeBase").</summary>
public sealed record KnowledgeBaseOptions
{
    /// <summary>The kb/ folder: <c>policies/</c>, <c>qa/</c>, <c>synonyms.txt</c>.</summary>
    public string Path { get; init; } = "kb";

    public ChineseAnalyzerOptions Analyzer { get; init; } = new();

    public KbIndexOptions Index { get; init; } = new();

    public KbAnswerOptions Answer { get; init; } = new();
}
