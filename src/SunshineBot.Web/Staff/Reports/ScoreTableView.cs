namespace SunshineBot.Web.Staff.Reports;

/// <summary>
/// What the score-table partial shows: a unit's sheet; with <paramref name="DrillLink"/> (the drill-down page's address
/// without the item) each lost point links to its tickets; <paramref name="AllTickets"/> lists every ticket (print, drill-down).
/// </summary>
public sealed record ScoreTableView(Core.Scoring.UnitScore Score, string? DrillLink, bool AllTickets = false, string? OnlyItem = null)
{
    /// <summary>Tickets shown inline under a deduction before "all N" links to the drill-down.</summary>
    public const int InlineTickets = 8;

    public static string Points(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
