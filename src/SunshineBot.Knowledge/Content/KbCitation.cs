namespace SunshineBot.Knowledge.Content;

/// <summary>A source shown under an answer: the policy's name and its reference (document number, date).</summary>
public sealed record KbCitation(string Title, string Ref);
