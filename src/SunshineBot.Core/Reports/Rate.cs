using System.Globalization;

namespace SunshineBot.Core.Reports;

/// <summary>A count over a count. Every rate the product shows or scores is one of these, defined in <see cref="Rates"/>.</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary>The percentage, or null when there is nothing to divide (a unit with no revisits has no satisfaction rate).</summary>
    public double? Percent => Denominator == 0 ? null : 100.0 * Numerator / Denominator;

    /// <summary>"95.0%", or "" when undefined.</summary>
    public string Format() => Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
}

/// <summary>How satisfaction is counted (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>基本满意 counts as satisfied (seed 001's rate; the default).</summary>
    public bool CountBasicallySatisfied { get; set; } = true;
}

/// <summary>The rule books' rates, in one place (seed 001: satisfaction; seed 003: first-time closure; seed 004: closure).</summary>
public static class Rates
{
    /// <summary>Revisited: a satisfaction was recorded and the parent was reached (未回访 is neither satisfied nor not).</summary>
    public static bool IsRevisited(Tickets.Satisfaction? s) => s is Tickets.Satisfaction.Satisfied or Tickets.Satisfaction.BasicallySatisfied or Tickets.Satisfaction.Unsatisfied;

    public static bool IsSatisfied(Tickets.Satisfaction? s, bool countBasicallySatisfied) =>
        s == Tickets.Satisfaction.Satisfied || (countBasicallySatisfied && s == Tickets.Satisfaction.BasicallySatisfied);

    /// <summary>满意率 = satisfied tickets / closed and revisited tickets (seed 001, 一.3).</summary>
    public static Rate Satisfaction(int satisfied, int closedAndRevisited) => new(satisfied, closedAndRevisited);

    /// <summary>一次办结率 = closed without a redo / closed (seed 003, 2.1).</summary>
    public static Rate FirstTimeClosure(int closedWithoutRedo, int closed) => new(closedWithoutRedo, closed);

    /// <summary>年累计办结率 = closed / received that someone owes a reply (seed 004, Ⅲ-10).</summary>
    public static Rate Closure(int closed, int owed) => new(closed, owed);

    /// <summary>及时办理率 = on time / (on time + late); tickets not yet due and not answered are in neither.</summary>
    public static Rate OnTime(int onTime, int late) => new(onTime, onTime + late);

    /// <summary>知识库使用错误率 = rated unhelpful / rated (seed 004, Ⅲ-12).</summary>
    public static Rate KbError(int unhelpful, int rated) => new(unhelpful, rated);

    /// <summary>Deflection: questions the knowledge base answered (no ticket needed) / questions asked.</summary>
    public static Rate KbDeflection(int answered, int asked) => new(answered, asked);
}
