namespace SunshineBot.Core.Scoring;

/// <summary>A rule book's scoring rubric (rubrics/*.yaml): its items, the total's floor and the cap on bonus items.</summary>
public sealed record Rubric(string Id, string Title, string Source, decimal? BonusCap, Rounding Rounding, IReadOnlyList<RubricItem> Items)
{
    /// <summary>Most a unit can get: the ordinary items plus the bonus items up to the cap.</summary>
    public decimal Max
    {
        get
        {
            var bonus = Items.Where(i => i.Bonus).Sum(i => i.Points);
            return Items.Where(i => !i.Bonus).Sum(i => i.Points) + (BonusCap is { } cap ? Math.Min(cap, bonus) : bonus);
        }
    }
}

/// <summary>
/// One item, numbered as in the rule book ("一.1", "Ⅲ-8"). Computed items lose points by their rules and stop at
/// <see cref="Floor"/> (扣完为止，不计负分: 0; null lets an item go below zero, as seed 003's 教育诉求 does); bonus items
/// gain points up to <see cref="Points"/>; manual items take what a supervisor entered.
/// </summary>
public sealed record RubricItem(
    string Id,
    string Title,
    decimal Points,
    bool Bonus,
    decimal? Floor,
    Rounding Rounding,
    IReadOnlyList<RubricRule> Rules,
    ManualSpec? Manual,
    string? Note);

/// <summary>How a score is rounded (written in the rubric file for every item).</summary>
public enum Rounding
{
    /// <summary>No rounding: half points and quarters stay as they are.</summary>
    None,

    /// <summary>One decimal, halves away from zero.</summary>
    HalfUpOneDecimal,

    /// <summary>Whole points, halves away from zero.</summary>
    HalfUpWhole,
}

/// <summary>A supervisor-entered item: its range and what it scores before anyone enters a value.</summary>
/// <param name="DefaultFull">True: full points until a supervisor deducts (deduction-style items); false: zero (bonus, graded items).</param>
public sealed record ManualSpec(bool DefaultFull, decimal Min, decimal Max, string Guide);

public abstract record RubricRule(string Reason);

/// <summary>Deductions (or, in a bonus item, awards) per ticket: the first case a ticket matches applies.</summary>
/// <param name="Cap">The most this rule can take off (上限), null for no cap.</param>
public sealed record TicketRule(string Reason, IReadOnlyList<TicketCase> Cases, decimal? Cap) : RubricRule(Reason);

/// <param name="When">Conditions a ticket must all meet (see <see cref="TicketConditions"/>).</param>
/// <param name="Each">What one deduction counts: the ticket, each working day late, each redo, each matching fault tag.</param>
public sealed record TicketCase(IReadOnlyList<string> When, decimal Points, Each Each, string Reason);

public enum Each
{
    Ticket,
    DayLate,
    Redo,
    Fault,
}

/// <summary>
/// A rate against a threshold: <see cref="PerPoint"/> off for every percentage point short (null: everything, i.e. all or
/// nothing), the whole <see cref="Cap"/> when below <see cref="ZeroBelow"/>; or, with <see cref="Bonus"/>, points awarded
/// when the threshold is met.
/// </summary>
public sealed record RateRule(
    string Reason,
    RateMetric Metric,
    decimal Threshold,
    bool AtMost,
    decimal? PerPoint,
    decimal? ZeroBelow,
    decimal? Cap,
    PointStep Step,
    decimal? Bonus) : RubricRule(Reason);

public enum RateMetric
{
    Satisfaction,
    FirstReplyOnTime,
    ClosureOnTime,
    CumulativeClosure,
    FirstTimeClosure,
    KbError,
}

/// <summary>How the part of a percentage point is treated in "per point below".</summary>
public enum PointStep
{
    /// <summary>Only whole points count: 93.5 % against 95 % is one point short.</summary>
    WholePoints,

    /// <summary>Any started point counts: 93.5 % against 95 % is two points short.</summary>
    StartedPoints,

    /// <summary>Proportional: 1.5 points short.</summary>
    Exact,
}

/// <summary>A supervisor's entry for a manual item, for one unit and period, with the note that explains it.</summary>
public sealed record ManualEntry(string RubricId, string ItemId, string UnitCode, DateOnly From, DateOnly To, decimal Score, string Note, string EnteredBy, DateTimeOffset EnteredAt);
