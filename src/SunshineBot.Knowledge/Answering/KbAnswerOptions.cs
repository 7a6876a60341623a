namespace SunshineBot.Knowledge.Answering;

/// <summary>When an entry is good enough to answer with; tuned on tests/eval/kb-questions.jsonl.</summary>
public sealed record KbAnswerOptions
{
    /// <summary>Longer questions are cut to this many characters before analysis.</summary>
    public int MaxQuestionLength { get; init; } = 500;

    /// <summary>
    /// The least confidence for an answer. Confidence = coverage + similarity + <see cref="MarginWeight"/> ×
    /// the best hit's relative lead over the runner-up; roughly 0 to 2.5.
    /// </summary>
    public double MinConfidence { get; init; } = 0.7;

    public double MarginWeight { get; init; } = 0.5;

    /// <summary>A message about another body's matter and no school matter is not answered confidently (<see cref="DomainWords"/>).</summary>
    public bool RefuseOtherDomains { get; init; } = true;

    /// <summary>The entry that answers first whenever a message holds a <see cref="SafetyWords"/> phrase; empty turns it off.</summary>
    public string EmergencyEntryId { get; init; } = "service-emergency";

    /// <summary>Hits with coverage + similarity below this are not even offered as suggestions.</summary>
    public double MinSuggestionRelevance { get; init; } = 0.15;
}
