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

    /// <summary>Index each distinct token once per field: bm25 on presence rather than counts, a smaller index.</summary>
    public bool DistinctTokensPerField { get; init; }
}
