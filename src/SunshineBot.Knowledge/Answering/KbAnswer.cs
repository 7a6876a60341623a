using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge.Answering;

public enum KbAnswerStatus
{
    /// <summary>One entry is clearly the answer: show it with its citations.</summary>
    Answered,

    /// <summary>Nothing clearly fits: say so, and offer the <see cref="KbAnswer.Suggestions"/> if any.</summary>
    NotSure,

    /// <summary>The question was empty or had no searchable words.</summary>
    Empty,
}

/// <summary>What the knowledge base says to one question.</summary>
public sealed record KbAnswer
{
    public required string Question { get; init; }

    public required KbAnswerStatus Status { get; init; }

    /// <summary>The best hits, best first (up to three), whatever the status; for evaluation and logs.</summary>
    public IReadOnlyList<KbHit> Ranked { get; init; } = [];

    public bool Answered => Status == KbAnswerStatus.Answered;

    /// <summary>The entry to answer with, when <see cref="Answered"/>.</summary>
    public KbHit? Best => Answered ? Ranked[0] : null;

    /// <summary>When answered: the next best entries, up to two ("you may also want to know").</summary>
    public IReadOnlyList<KbHit> Alternatives => Answered ? Ranked.Skip(1).Take(2).ToList() : [];

    /// <summary>When not sure: up to three entries the parent may have meant.</summary>
    public IReadOnlyList<KbHit> Suggestions { get; init; } = [];

    /// <summary>The sources of the answer; empty when not answered.</summary>
    public IReadOnlyList<KbCitation> Citations => Best?.Citations ?? [];

    /// <summary>The entries shown to the parent, in order: the answer and its alternatives, or the suggestions.</summary>
    public IReadOnlyList<KbHit> Shown => Answered ? Ranked.Take(3).ToList() : Suggestions;
}
