using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge;

/// <summary>What a (re)build of the index read and how long it took.</summary>
public sealed record KbBuildReport(
    int EntryCount,
    int PolicyCount,
    int SynonymGroupCount,
    int TermCount,
    IReadOnlyList<KbProblem> LoadProblems,
    TimeSpan Elapsed);
