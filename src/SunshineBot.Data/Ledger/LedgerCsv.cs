using System.Text;

namespace SunshineBot.Data.Ledger;

/// <summary>
/// CSV as Excel on a Chinese desktop reads it: UTF-8 with a byte-order mark, CRLF lines, fields quoted when they hold
/// a comma, quote or line break. A cell that a spreadsheet would run as a formula (leading = + - @, tab or CR) gets a
/// leading apostrophe: the ledger carries parents' free text, and a file opened by staff must never run it. The reader
/// takes RFC 4180 back (quoted fields, doubled quotes, line breaks inside quotes) and drops that apostrophe again.
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

    /// <summary>The rows of a CSV text (the header is the first), with the formula guard taken off each cell.</summary>
    public static List<string[]> Read(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var text = csv.TrimStart('\uFEFF');
        void EndField()
        {
            fields.Add(Unguard(field.ToString()));
            field.Clear();
        }

        void EndRow()
        {
            EndField();
            rows.Add([.. fields]);
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                EndField();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 1 : 0;
                EndRow();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRow();
        }

        return rows;
    }

    /// <summary>Takes off the apostrophe that <see cref="Cell"/> put before a formula-like value.</summary>
    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == '\'' && Array.IndexOf(FormulaStarts, value[1]) >= 0 ? value[1..] : value;

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendJoin(',', fields.Select(Cell)).Append("\r\n");
}
