namespace SunshineBot.Knowledge.Answering;

/// <summary>When an entry is good enough to answer with; thresholds tuned on tests/eval/kb-questions.jsonl.</summary>
public sealed record KbAnswerOptions
{
    /// <summary>Longer questions are cut to this many characters before analysis.</summary>
    public int MaxQuestionLength { get; init; } = 500;

    /// <summary>The least bm25 score (made positive) for a confident answer.</summary>
    public double MinScore { get; init; } = 5.0;

    /// <summary>The least share of the question's terms (idf-weighted) the best entry must contain.</summary>
    public double MinCoverage { get; init; } = 0.45;

    /// <summary>With coverage below <see cref="SureCoverage"/>, the best must beat the runner-up by this share.</summary>
    public double MinMargin { get; init; } = 0.10;

    /// <summary>Coverage at which the best entry answers even when the runner-up scores close to it.</summary>
    public double SureCoverage { get; init; } = 0.7;

    /// <summary>Entries covering less than this are not even offered as suggestions.</summary>
    public double MinSuggestionCoverage { get; init; } = 0.2;
}
