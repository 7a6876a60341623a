using SunshineBot.Core.Reports;

namespace SunshineBot.Core.Scoring;

/// <summary>The rates rubric items are scored on, with the tickets that pulled each one down (for the drill-down).</summary>
internal sealed class RubricRates
{
    private readonly Dictionary<RateMetric, (Rate, IReadOnlyList<string>)> _rates = [];

    public (Rate Rate, IReadOnlyList<string> Tickets) Get(RateMetric metric) => _rates[metric];

    public static RubricRates Of(IReadOnlyList<TicketFact> facts, KbFacts kb, DateTimeOffset asOf, ReportOptions options)
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

            if (Rates.IsRevisited(t.Satisfaction))
            {
                revisited++;
                if (Rates.IsSatisfied(t.Satisfaction, options.CountBasicallySatisfied))
                {
                    satisfied++;
                }
                else
                {
                    unsatisfied.Add(t.Number);
                }
            }
        }

        var r = new RubricRates();
        r._rates[RateMetric.Satisfaction] = (Rates.Satisfaction(satisfied, revisited), unsatisfied);
        r._rates[RateMetric.FirstReplyOnTime] = (Rates.OnTime(replyOnTime, lateReply.Count), lateReply);
        r._rates[RateMetric.ClosureOnTime] = (Rates.OnTime(closureOnTime, lateClosure.Count), lateClosure);
        r._rates[RateMetric.CumulativeClosure] = (Rates.Closure(closed, owed), open);
        r._rates[RateMetric.FirstTimeClosure] = (Rates.FirstTimeClosure(firstTime, closed), redone);
        r._rates[RateMetric.KbError] = (Rates.KbError(kb.Unhelpful, kb.Rated), []);
        return r;
    }
}
