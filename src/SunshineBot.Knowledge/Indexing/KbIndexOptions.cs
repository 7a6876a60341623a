namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// bm25 field weights: a match in a question variant counts most, then title, tags, answer. Weights are whole
/// numbers (each is how many times a field's tokens are counted, see <see cref="WeightedTerms"/>).
/// </summary>
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

    /// <summary>
    /// Skip the postings of query terms too common to change the bm25 top hits (exact: the same hits and
    /// scores as walking every posting; see <see cref="TopEntries"/>). Off only to check that claim.
    /// </summary>
    public bool PruneCommonTerms { get; init; } = true;

    /// <summary>How many of the best bm25 hits are re-ordered by closeness to one question variant.</summary>
    public int RerankDepth { get; init; } = 10;

    /// <summary>Weight of variant similarity (0 to 1) against bm25 relative to the best hit (0 to 1) in the re-ranking.</summary>
    public double SimilarityWeight { get; init; } = 0.5;

    /// <summary>The longest policy passage shown under an answer, in characters; a longer one is cut around the match.</summary>
    public int MaxPassageLength { get; init; } = 120;
}
