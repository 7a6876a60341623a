namespace SunshineBot.Knowledge.Indexing;

/// <summary>bm25 column weights: a match in a question variant counts most, then title, tags, answer.</summary>
public sealed record KbIndexOptions
{
    public double QuestionWeight { get; init; } = 4.0;

    public double TitleWeight { get; init; } = 3.0;

    public double TagWeight { get; init; } = 2.0;

    public double AnswerWeight { get; init; } = 1.0;
}
