using System.Text;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// CSV as Excel on a Chinese desktop reads it: UTF-8 with a byte-order mark, CRLF lines, fields quoted when they hold
/// a comma, quote or line break. A cell that a spreadsheet would run as a formula (leading = + - @, tab or CR) gets a
/// leading apostrophe: the ledger carries parents' free text, and a file opened by staff must never run it.
/// </summary>
public static class LedgerCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Cell(string? field)
    {
        var value = field ?? "";
        var safe = value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return safe.IndexOfAny(NeedsQuotes) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendJoin(',', fields.Select(Cell)).Append("\r\n");
}
