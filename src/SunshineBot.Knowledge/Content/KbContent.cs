namespace SunshineBot.Knowledge.Content;

/// <summary>Everything read from a kb/ folder, with the problems met while reading it.</summary>
public sealed record KbContent(
    IReadOnlyList<KbEntry> Entries,
    IReadOnlyList<KbPolicy> Policies,
    SynonymTable Synonyms,
    IReadOnlyList<KbProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == KbProblemSeverity.Error);
}
