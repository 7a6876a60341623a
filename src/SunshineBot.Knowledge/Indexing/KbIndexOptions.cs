namespace SunshineBot.Knowledge.Indexing;

/// <summary>bm25 field weights: a match in a question variant counts most, then title, tags, answer.</summary>
public sealed record KbIndexOptions
{
    public double QuestionWeight { get; init; } = 4.0;

    public double TitleWeight { get; init; } = 3.0;

    public double TagWeight { get; init; } = 2.0;

    public double AnswerWeight { get; init; } = 1.0;

    /// <summary>
    /// A question's rarest terms that rank by bm25 (the rest barely move it but each costs a walk along its
    /// postings); coverage and similarity still use every term. 0 = no limit.
    /// </summary>
    public int MaxQueryTerms { get; init; }

    /// <summary>How many of the best bm25 hits are re-ordered by closeness to one question variant.</summary>
    public int RerankDepth { get; init; } = 10;

    /// <summary>Weight of variant similarity (0 to 1) against bm25 relative to the best hit (0 to 1) in the re-ranking.</summary>
    public double SimilarityWeight { get; init; } = 0.5;

    /// <summary>
    /// BM25F: each field's count is normalised by that field's average length before the weights apply, so a
    /// long answer no longer dilutes a match in a short question variant. Off: FTS5's <c>bm25()</c>.
    /// </summary>
    public bool PerFieldLength { get; init; }

    /// <summary>Index each distinct token once per field: bm25 on presence rather than counts, a smaller index.</summary>
    public bool DistinctTokensPerField { get; init; }
}
