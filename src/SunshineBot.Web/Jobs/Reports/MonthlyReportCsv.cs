using System.Globalization;
using System.Text;
using System.Text.Json;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs.Reports;

/// <summary>The monthly report as CSV (UTF-8 with BOM so Excel reads the Chinese), one line per unit.</summary>
public static class MonthlyReportCsv
{
    public static byte[] Write(IEnumerable<MonthlyReportRow> rows)
    {
        var kinds = Enum.GetValues<TicketKind>();
        var text = new StringBuilder();
        Line(text, ["月份", "单位代码", "单位名称", "受理", .. kinds.Select(Labels.Of), "按类别", "已答复", "按时答复", "超期", "发回重办", "办结回访", "满意", "满意率", "未回访"]);
        foreach (var r in rows)
        {
            var byKind = JsonSerializer.Deserialize<Dictionary<string, int>>(r.KindsJson) ?? [];
            var byCategory = JsonSerializer.Deserialize<Dictionary<string, int>>(r.CategoriesJson) ?? [];
            var categories = string.Join("；", byCategory.Select(c => $"{(Enum.TryParse<TicketCategory>(c.Key, out var cat) ? Labels.Of(cat) : c.Key)} {N(c.Value)}"));
            Line(text,
            [
                r.Month, r.UnitCode, r.UnitName, N(r.Received), .. kinds.Select(k => N(byKind.GetValueOrDefault(k.ToString()))), categories,
                N(r.Replied), N(r.RepliedOnTime), N(r.Overdue), N(r.Redo), N(r.Revisited), N(r.Satisfied), Rate(r), N(r.NotReached),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Satisfied / closed and revisited, as a percentage; empty when nothing was revisited.</summary>
    public static string Rate(MonthlyReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Core.Reports.Rates.Satisfaction(row.Satisfied, row.Revisited).Format();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(",", fields.Select(Quote))).Append("\r\n");

    // Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
    private static string Quote(string field)
    {
        var safe = field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
