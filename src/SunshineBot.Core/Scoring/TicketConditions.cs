using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Scoring;

/// <summary>
/// The words a rubric file may use in a ticket case's <c>when</c>. Each is a fact of <see cref="TicketFact"/> judged at
/// the period's end; <see cref="Timeliness"/> decides "late".
/// </summary>
public static class TicketConditions
{
    private static readonly Dictionary<string, Func<TicketFact, DateTimeOffset, bool>> Known = new(StringComparer.Ordinal)
    {
        ["consultation"] = (t, _) => t.Kind == TicketKind.Consultation,
        ["help"] = (t, _) => t.Kind == TicketKind.Help,
        ["complaint"] = (t, _) => t.Kind == TicketKind.Complaint,
        ["report"] = (t, _) => t.Kind == TicketKind.Report,
        ["suggestion"] = (t, _) => t.Kind == TicketKind.Suggestion,
        ["scored"] = (t, _) => t.IsScored,
        ["substantiated"] = (t, _) => t.Finding is Finding.Substantiated or Finding.PartlySubstantiated,
        ["urged"] = (t, _) => t.UrgeCount > 0,
        ["never-replied"] = (t, at) => Timeliness.Reply(t, at) == Timing.Missing,
        ["replied-late"] = (t, at) => Timeliness.Reply(t, at) == Timing.Late,
        ["reply-late-or-missing"] = (t, at) => Timeliness.Reply(t, at) is Timing.Late or Timing.Missing,
        ["closed-late-or-missing"] = (t, at) => Timeliness.Closure(t, at) is Timing.Late or Timing.Missing,
        ["reply-not-template"] = (t, _) => t.ReplyFollowsTemplate == false,
        ["reply-no-stamp"] = (t, _) => t.ReplyHasStamp == false,
        ["redone"] = (t, _) => t.RedoCount > 0,
        ["redone-once"] = (t, _) => t.RedoCount == 1,
        ["redone-twice-or-more"] = (t, _) => t.RedoCount >= 2,
    };

    public static IReadOnlyCollection<string> Names => [.. Known.Keys, .. Enum.GetNames<FaultKind>().Select(f => "fault:" + f)];

    public static bool IsKnown(string name) => Known.ContainsKey(name) || FaultOf(name) is not null;

    public static bool Matches(IReadOnlyList<string> when, TicketFact t, DateTimeOffset asOf) => Compile(when)(t, asOf);

    /// <summary>
    /// The conditions as one test, each name looked up once: a rubric runs it on every ticket of every unit's subtree
    /// (half a million tickets times three levels for a year of a city).
    /// </summary>
    public static Func<TicketFact, DateTimeOffset, bool> Compile(IReadOnlyList<string> when)
    {
        ArgumentNullException.ThrowIfNull(when);
        var tests = when.Select(name => FaultOf(name) is { } fault ? (t, _) => t.Faults.Contains(fault) : Known[name]).ToArray();
        return tests.Length switch
        {
            0 => (_, _) => true,
            1 => tests[0],
            _ => (t, at) =>
            {
                foreach (var test in tests)
                {
                    if (!test(t, at))
                    {
                        return false;
                    }
                }

                return true;
            },
        };
    }

    /// <summary>The fault kinds a case's conditions name (what <see cref="Each.Fault"/> counts).</summary>
    public static FaultKind[] FaultsIn(IReadOnlyList<string> when) =>
        when.Select(FaultOf).OfType<FaultKind>().ToArray();

    private static FaultKind? FaultOf(string name) =>
        name.StartsWith("fault:", StringComparison.Ordinal) && Enum.TryParse<FaultKind>(name["fault:".Length..], out var k) ? k : null;
}
