namespace SunshineBot.Knowledge.Content;

/// <summary>
/// A source shown under an answer: the policy's name and its reference (document number, date), and, when the
/// answer was given to a question, the passage of the policy that matched it (<see cref="Passage"/>).
/// </summary>
public sealed record KbCitation(string Title, string Ref)
{
    /// <summary>The policy's own words that the answer rests on; null when none was looked up or none matched.</summary>
    public string? Passage { get; init; }
}
