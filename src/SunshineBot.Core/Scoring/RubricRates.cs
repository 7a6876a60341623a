using SunshineBot.Core.Reports;

namespace SunshineBot.Core.Scoring;

/// <summary>The rates rubric items are scored on, with the tickets that pulled each one down (for the drill-down).</summary>
internal sealed class RubricRates
{
    private readonly Dictionary<RateMetric, (Rate, IReadOnlyList<string>)> _rates = [];

    public (Rate Rate, IReadOnlyList<string> Tickets) Get(RateMetric metric) => _rates[metric];

    public static RubricRates Of(RateTally t, KbFacts kb)
    {
        var r = new RubricRates();
        r._rates[RateMetric.Satisfaction] = (Rates.Satisfaction(t.Satisfied, t.Revisited), t.Unsatisfied);
        r._rates[RateMetric.FirstReplyOnTime] = (Rates.OnTime(t.ReplyOnTime, t.LateReply.Count), t.LateReply);
        r._rates[RateMetric.ClosureOnTime] = (Rates.OnTime(t.ClosureOnTime, t.LateClosure.Count), t.LateClosure);
        r._rates[RateMetric.CumulativeClosure] = (Rates.Closure(t.Closed, t.Owed), t.Open);
        r._rates[RateMetric.FirstTimeClosure] = (Rates.FirstTimeClosure(t.FirstTime, t.Closed), t.Redone);
        r._rates[RateMetric.KbError] = (Rates.KbError(kb.Unhelpful, kb.Rated), []);
        return r;
    }
}
