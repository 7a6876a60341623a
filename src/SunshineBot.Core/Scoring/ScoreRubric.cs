using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Reports;

namespace SunshineBot.Core.Scoring;

/// <summary>
/// Evaluates a rubric for units over a period: pure, no I/O. Each unit is scored on the tickets of its subtree (a school
/// on its own, a county on its schools'); manual items take the supervisor's entry for that unit and period.
/// </summary>
public static class ScoreRubric
{
    public static UnitScore Unit(
        Rubric rubric, ScoredUnit unit, IReadOnlyList<TicketFact> facts, KbFacts kb, ReportPeriod period,
        WorkingDayCalendar calendar, ReportOptions options, IReadOnlyList<ManualEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(period);
        return Unit(rubric, unit, RubricTally.Of(rubric, facts, period.AsOf, calendar, options), kb, entries);
    }

    /// <summary>
    /// Every unit of a tree, each on its subtree's tickets: <paramref name="units"/> in path order, a subtree being the
    /// units whose path starts with the unit's; <paramref name="own"/> the tickets that count against each unit itself.
    /// The same sheets as <see cref="Unit(Rubric, ScoredUnit, IReadOnlyList{TicketFact}, KbFacts, ReportPeriod, WorkingDayCalendar, ReportOptions, IReadOnlyList{ManualEntry})"/>
    /// on each subtree's tickets (in the same order), with each ticket judged once.
    /// </summary>
    public static IReadOnlyList<UnitScore> Tree(
        Rubric rubric, IReadOnlyList<ScoredUnit> units, IReadOnlyDictionary<string, List<TicketFact>> own, KbFacts kb, ReportPeriod period,
        WorkingDayCalendar calendar, ReportOptions options, IReadOnlyList<ManualEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(period);
        var tallies = units.AsParallel().AsOrdered()
            .Select(u => RubricTally.Of(rubric, own.TryGetValue(u.Code, out var facts) ? facts : [], period.AsOf, calendar, options)).ToArray();
        return units.AsParallel().AsOrdered().Select(u =>
        {
            var below = Enumerable.Range(0, units.Count).Where(i => units[i].Path.StartsWith(u.Path, StringComparison.Ordinal)).Select(i => tallies[i]).ToList();
            return Unit(rubric, u, RubricTally.Sum(below), kb, entries);
        }).ToArray();
    }

    private static UnitScore Unit(Rubric rubric, ScoredUnit unit, RubricTally tally, KbFacts kb, IReadOnlyList<ManualEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(entries);
        RubricRates? rates = null;
        RubricRates Rates() => rates ??= RubricRates.Of(tally.Rates, kb);
        var items = new List<ItemScore>(rubric.Items.Count);
        for (var index = 0; index < rubric.Items.Count; index++)
        {
            var item = rubric.Items[index];
            if (item.Manual is { } manual)
            {
                var entry = entries.LastOrDefault(e => e.ItemId == item.Id && e.UnitCode == unit.Code);
                var score = entry is null ? (manual.DefaultFull ? item.Points : 0m) : Math.Clamp(entry.Score, manual.Min, manual.Max);
                IReadOnlyList<Deduction> lost = entry is not null && score < item.Points && !item.Bonus
                    ? [new Deduction(item.Points - score, entry.Note, [])]
                    : [];
                items.Add(new ItemScore(item.Id, item.Title, Round(score, item.Rounding), item.Points, true, item.Bonus, lost, entry?.Note ?? manual.Guide));
                continue;
            }

            var lines = new List<Deduction>();
            for (var r = 0; r < item.Rules.Count; r++)
            {
                var line = item.Rules[r] switch
                {
                    TicketRule tr => TicketDeduction(tr, tally.Cases(index, r)),
                    RateRule rr => RateDeduction(rr, Rates(), item.Points),
                    _ => null,
                };
                if (line is not null && line.Points != 0)
                {
                    lines.Add(line);
                }
            }

            var total = lines.Sum(l => l.Points);
            var computed = item.Bonus ? Math.Min(item.Points, total) : item.Points - total;
            if (!item.Bonus && item.Floor is { } floor)
            {
                computed = Math.Max(floor, computed);
            }

            items.Add(new ItemScore(item.Id, item.Title, Round(computed, item.Rounding), item.Points, false, item.Bonus, lines, item.Note));
        }

        var bonus = items.Where(i => i.Bonus).Sum(i => i.Points);
        var sum = items.Where(i => !i.Bonus).Sum(i => i.Points) + (rubric.BonusCap is { } cap ? Math.Min(cap, bonus) : bonus);
        return new UnitScore(unit.Code, unit.Name, Round(Math.Max(0, sum), rubric.Rounding), rubric.Max, items);
    }

    public static decimal Round(decimal value, Rounding rounding) => rounding switch
    {
        Rounding.HalfUpOneDecimal => Math.Round(value, 1, MidpointRounding.AwayFromZero),
        Rounding.HalfUpWhole => Math.Round(value, 0, MidpointRounding.AwayFromZero),
        _ => value,
    };

    private static Deduction? TicketDeduction(TicketRule rule, CaseTally[] byCase)
    {
        var total = byCase.Sum(c => c.Points);
        if (total == 0)
        {
            return null;
        }

        var parts = rule.Cases.Select((c, i) => (Case: c, Tally: byCase[i])).Where(x => x.Tally.Points != 0)
            .Select(x => $"{x.Case.Reason} {x.Tally.Tickets.Count}件 共{N(x.Tally.Points)}分");
        var capped = rule.Cap is { } cap && total > cap;
        var reason = $"{rule.Reason}：{string.Join("；", parts)}{(capped ? $"（上限{N(rule.Cap!.Value)}分）" : "")}";
        return new Deduction(capped ? rule.Cap!.Value : total, reason, RubricTally.Concat(byCase.Select(c => c.Tickets)));
    }

    private static Deduction? RateDeduction(RateRule rule, RubricRates rates, decimal itemPoints)
    {
        var (rate, culprits) = rates.Get(rule.Metric);
        if (rate.Percent is not { } value)
        {
            return null;
        }

        var percent = (decimal)Math.Round(value, 4);
        var met = rule.AtMost ? percent <= rule.Threshold : percent >= rule.Threshold;
        var shown = $"{rule.Reason} {rate.Format()}（{rate.Numerator}/{rate.Denominator}）";
        if (rule.Bonus is { } bonus)
        {
            return met ? new Deduction(bonus, $"{shown}，达到{N(rule.Threshold)}%，加{N(bonus)}分", []) : null;
        }

        if (met)
        {
            return null;
        }

        var cap = rule.Cap ?? itemPoints;
        var whole = rule.ZeroBelow is { } zero && (rule.AtMost ? percent > zero : percent < zero);
        decimal points;
        string why;
        if (whole || rule.PerPoint is null)
        {
            points = cap;
            why = whole ? $"低于{N(rule.ZeroBelow!.Value)}%，本项计零分" : $"未达到{N(rule.Threshold)}%";
        }
        else
        {
            var gap = rule.AtMost ? percent - rule.Threshold : rule.Threshold - percent;
            var steps = rule.Step switch
            {
                PointStep.WholePoints => Math.Floor(gap),
                PointStep.StartedPoints => Math.Ceiling(gap),
                _ => gap,
            };
            points = Math.Min(cap, steps * rule.PerPoint.Value);
            why = $"{(rule.AtMost ? "高于" : "低于")}{N(rule.Threshold)}% {N(steps)}个百分点，每个扣{N(rule.PerPoint.Value)}分";
        }

        return points == 0 ? null : new Deduction(points, $"{shown}，{why}", culprits);
    }

    private static string N(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
