using SunshineBot.Core.Calendar;
using SunshineBot.Core.Reports;

namespace SunshineBot.Core.Scoring;

/// <summary>
/// What a rubric's computed rules find in some tickets, before any cap or rounding: per ticket case its points and
/// tickets, and the counts behind the rates. Tallies of disjoint ticket sets add up, so a tree is scored by tallying
/// each unit's own tickets once and adding the tallies of a subtree, not by walking every ticket again at each level
/// (a city's ticket counts for its school, its district and the city).
/// </summary>
public sealed class RubricTally
{
    // [item][rule] → one entry per case of a ticket rule (null for other rules).
    private readonly CaseTally[][]?[] _cases;

    private RubricTally(CaseTally[][]?[] cases, RateTally rates)
    {
        _cases = cases;
        Rates = rates;
    }

    internal RateTally Rates { get; }

    internal CaseTally[] Cases(int item, int rule) => _cases[item]![rule];

    /// <summary>Tallies <paramref name="facts"/> against every computed rule of <paramref name="rubric"/>.</summary>
    public static RubricTally Of(Rubric rubric, IReadOnlyList<TicketFact> facts, DateTimeOffset asOf, WorkingDayCalendar calendar, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(facts);
        var cases = rubric.Items.Select(item => item.Manual is not null ? null : item.Rules
            .Select(rule => rule is TicketRule tr ? Tally(tr, facts, asOf, calendar) : []).ToArray()).ToArray();
        return new RubricTally(cases, RateTally.Of(facts, asOf, options));
    }

    /// <summary>The tally of the union of disjoint ticket sets; tickets keep the order of <paramref name="parts"/>.</summary>
    public static RubricTally Sum(IReadOnlyList<RubricTally> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var first = parts[0];
        var cases = first._cases.Select((rules, item) => rules?.Select((byCase, rule) => byCase.Select((_, c) => new CaseTally(
            parts.Sum(p => p._cases[item]![rule][c].Points),
            Concat(parts.Select(p => p._cases[item]![rule][c].Tickets)))).ToArray()).ToArray()).ToArray();
        return new RubricTally(cases, RateTally.Sum(parts.Select(p => p.Rates).ToList()));
    }

    private static CaseTally[] Tally(TicketRule rule, IReadOnlyList<TicketFact> facts, DateTimeOffset asOf, WorkingDayCalendar calendar)
    {
        var points = new decimal[rule.Cases.Count];
        var tickets = rule.Cases.Select(_ => new List<string>()).ToArray();
        var tests = rule.Cases.Select(c => TicketConditions.Compile(c.When)).ToArray();
        var faultsNamed = rule.Cases.Select(c => TicketConditions.FaultsIn(c.When)).ToArray();
        foreach (var t in facts)
        {
            for (var i = 0; i < tests.Length; i++)
            {
                if (!tests[i](t, asOf))
                {
                    continue;
                }

                var c = rule.Cases[i];
                var units = c.Each switch
                {
                    Each.DayLate => Timeliness.ReplyDaysLate(t, asOf, calendar),
                    Each.Redo => t.RedoCount,
                    Each.Fault => t.Faults.Count(faultsNamed[i].Contains),
                    _ => 1,
                };
                points[i] += units * c.Points;
                tickets[i].Add(t.Number);
                break;
            }
        }

        return points.Select((p, i) => new CaseTally(p, tickets[i])).ToArray();
    }

    internal static List<string> Concat(IEnumerable<List<string>> lists)
    {
        var all = lists.ToList();
        var result = new List<string>(all.Sum(l => l.Count));
        foreach (var list in all)
        {
            result.AddRange(list);
        }

        return result;
    }
}

/// <summary>One ticket case of a rule: the points its tickets cost, and those tickets (each at most once).</summary>
internal sealed record CaseTally(decimal Points, List<string> Tickets);

/// <summary>The counts behind the rates rubric items use, with the tickets that pulled each rate down.</summary>
internal sealed record RateTally(
    int Owed, int ReplyOnTime, int ClosureOnTime, int Closed, int FirstTime, int Revisited, int Satisfied,
    List<string> LateReply, List<string> LateClosure, List<string> Open, List<string> Redone, List<string> Unsatisfied)
{
    public static RateTally Of(IReadOnlyList<TicketFact> facts, DateTimeOffset asOf, ReportOptions options)
    {
        List<string> unsatisfied = [], lateReply = [], lateClosure = [], open = [], redone = [];
        int revisited = 0, satisfied = 0, replyOnTime = 0, closureOnTime = 0, owed = 0, closed = 0, firstTime = 0;
        foreach (var t in facts)
        {
            if (!t.IsScored)
            {
                continue;
            }

            owed++;
            switch (Timeliness.Reply(t, asOf))
            {
                case Timing.OnTime: replyOnTime++; break;
                case Timing.Late or Timing.Missing: lateReply.Add(t.Number); break;
            }

            switch (Timeliness.Closure(t, asOf))
            {
                case Timing.OnTime: closureOnTime++; break;
                case Timing.Late or Timing.Missing: lateClosure.Add(t.Number); break;
            }

            if (t.ClosedAt is not { } at || at > asOf)
            {
                open.Add(t.Number);
                continue;
            }

            closed++;
            if (t.RedoCount == 0)
            {
                firstTime++;
            }
            else
            {
                redone.Add(t.Number);
            }

            if (Reports.Rates.IsRevisited(t.Satisfaction))
            {
                revisited++;
                if (Reports.Rates.IsSatisfied(t.Satisfaction, options.CountBasicallySatisfied))
                {
                    satisfied++;
                }
                else
                {
                    unsatisfied.Add(t.Number);
                }
            }
        }

        return new RateTally(owed, replyOnTime, closureOnTime, closed, firstTime, revisited, satisfied, lateReply, lateClosure, open, redone, unsatisfied);
    }

    public static RateTally Sum(IReadOnlyList<RateTally> parts) => new(
        parts.Sum(p => p.Owed), parts.Sum(p => p.ReplyOnTime), parts.Sum(p => p.ClosureOnTime), parts.Sum(p => p.Closed),
        parts.Sum(p => p.FirstTime), parts.Sum(p => p.Revisited), parts.Sum(p => p.Satisfied),
        RubricTally.Concat(parts.Select(p => p.LateReply)), RubricTally.Concat(parts.Select(p => p.LateClosure)),
        RubricTally.Concat(parts.Select(p => p.Open)), RubricTally.Concat(parts.Select(p => p.Redone)),
        RubricTally.Concat(parts.Select(p => p.Unsatisfied)));
}
