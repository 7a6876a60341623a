namespace SunshineBot.Knowledge.Analysis;

/// <summary>Switches for the text analysis; the defaults are what the evaluation showed best.</summary>
public sealed record ChineseAnalyzerOptions
{
    /// <summary>Emit single characters as well as overlapping bigrams for Chinese runs.</summary>
    public bool Unigrams { get; init; } = true;

    /// <summary>Map every word of a synonym group to one concept token, in documents and queries.</summary>
    public bool Synonyms { get; init; } = true;

    /// <summary>Drop filler words (请问, 吗, 的 …) from queries before analysis.</summary>
    public bool QueryStopWords { get; init; } = true;
}
