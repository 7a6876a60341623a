using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using SunshineBot.Core.Reports;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>
/// The dashboard's charts as inline SVG drawn on the server: no script, no inline style (the CSP allows neither);
/// colours come from classes in staff/reports.css. Each chart scales to its container (viewBox, width 100 %).
/// </summary>
public static class SvgCharts
{
    private const int Width = 360;

    /// <summary>Monthly received tickets as columns, complaints as a darker column inside, closed as a line of dots.</summary>
    public static IHtmlContent Trend(IReadOnlyList<MonthVolume> months, string title)
    {
        ArgumentNullException.ThrowIfNull(months);
        const int height = 190, left = 30, top = 16, bottom = 34;
        var plot = height - top - bottom;
        var max = Math.Max(1, months.Count == 0 ? 1 : months.Max(m => Math.Max(m.Received, m.Closed)));
        var scale = Nice(max);
        var svg = Open(title, Width, height);
        for (var g = 0; g <= 4; g++)
        {
            var y = top + plot - (plot * g / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" y1=\"{F(y)}\" x2=\"{Width}\" y2=\"{F(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{left - 4}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{scale * g / 4}</text>");
        }

        var slot = (Width - left) / (double)Math.Max(1, months.Count);
        var dots = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = left + (i * slot);
            var w = Math.Clamp(slot * 0.64, 2, 36);
            double H(int n) => plot * n / (double)scale;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F(x + ((slot - w) / 2))}\" y=\"{F(top + plot - H(m.Received))}\" width=\"{F(w)}\" height=\"{F(H(m.Received))}\"><title>{E(MonthLabel(m.Month))}：受理{m.Received}件，其中投诉{m.Complaints}件，已办结{m.Closed}件</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar dark\" x=\"{F(x + ((slot - (w / 2)) / 2))}\" y=\"{F(top + plot - H(m.Complaints))}\" width=\"{F(w / 2)}\" height=\"{F(H(m.Complaints))}\"/>");
            dots.Add($"{F(x + (slot / 2))},{F(top + plot - H(m.Closed))}");
            if (months.Count <= 12 || i % 3 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(x + (slot / 2))}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\">{E(ShortMonth(m.Month, months.Count))}</text>");
            }

            if (months.Count <= 12 && m.Received > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{F(x + (slot / 2))}\" y=\"{F(top + plot - H(m.Received) - 3)}\" text-anchor=\"middle\">{m.Received}</text>");
            }
        }

        if (dots.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" points=\"{string.Join(' ', dots)}\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><rect class=\"bar\" x=\"{left}\" y=\"{height - 12}\" width=\"10\" height=\"10\"/><text x=\"{left + 14}\" y=\"{height - 3}\">受理</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar dark\" x=\"{left + 56}\" y=\"{height - 12}\" width=\"10\" height=\"10\"/><text x=\"{left + 70}\" y=\"{height - 3}\">投诉</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"line\" x1=\"{left + 112}\" y1=\"{height - 7}\" x2=\"{left + 126}\" y2=\"{height - 7}\"/><text x=\"{left + 130}\" y=\"{height - 3}\">已办结</text></g>");
        return Close(svg);
    }

    /// <summary>Horizontal bars with their counts (volumes by category, by kind).</summary>
    public static IHtmlContent Bars(IReadOnlyList<(string Label, int Value)> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int row = 24, label = 104;
        var height = Math.Max(1, rows.Count) * row + 4;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var svg = Open(title, Width, height);
        if (rows.Count == 0)
        {
            svg.Append("<text class=\"axis\" x=\"0\" y=\"16\">本期没有数据</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (name, value) = rows[i];
            var y = (i * row) + 4;
            var w = (Width - label - 44) * value / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{label - 6}\" y=\"{y + 14}\" text-anchor=\"end\">{E(name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{label}\" y=\"{y + 2}\" width=\"{F(Math.Max(value > 0 ? 1 : 0, w))}\" height=\"{row - 8}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{F(label + w + 4)}\" y=\"{y + 14}\">{value}</text>");
        }

        return Close(svg);
    }

    /// <summary>Rates on a 0–100 % scale, each with the rule book's threshold as a mark; bars that miss it are red.</summary>
    public static IHtmlContent Rates(IReadOnlyList<RateLine> lines, string title)
    {
        ArgumentNullException.ThrowIfNull(lines);
        const int row = 34, label = 92, right = 48;
        var height = (lines.Count * row) + 18;
        var span = Width - label - right;
        var svg = Open(title, Width, height);
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var x = label + (span * tick / 100.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(x)}\" y1=\"0\" x2=\"{F(x)}\" y2=\"{height - 16}\"/><text class=\"axis\" x=\"{F(x)}\" y=\"{height - 4}\" text-anchor=\"middle\">{tick}%</text>");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var y = i * row;
            var state = line.Met switch { true => " ok", false => " bad", _ => "" };
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{label - 6}\" y=\"{y + 17}\" text-anchor=\"end\">{E(line.Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{label}\" y=\"{y + 6}\" width=\"{span}\" height=\"14\"/>");
            if (line.Rate.Percent is { } p)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar{state}\" x=\"{label}\" y=\"{y + 6}\" width=\"{F(span * p / 100)}\" height=\"14\"><title>{E(line.Name)} {E(line.Rate.Format())}（{line.Rate.Numerator}/{line.Rate.Denominator}）</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{Width - right + 4}\" y=\"{y + 17}\">{E(line.Rate.Percent is null ? "无数据" : line.Rate.Format())}</text>");
            if (line.Threshold is { } t)
            {
                var x = label + (span * (double)t / 100);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"{F(x)}\" y1=\"{y + 2}\" x2=\"{F(x)}\" y2=\"{y + 24}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"mark\" x=\"{F(Math.Min(x, label + span - 2))}\" y=\"{y + 32}\" text-anchor=\"end\">{(line.AtMost ? "≤" : "≥")}{t.ToString("0.##", CultureInfo.InvariantCulture)}%</text>");
            }
        }

        return Close(svg);
    }

    /// <summary>"2026-03" as "2026年3月".</summary>
    public static string MonthLabel(string month) =>
        month.Length == 7 ? $"{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月" : month;

    private static string ShortMonth(string month, int count) =>
        month.Length != 7 ? month : count > 12 ? $"{month[2..4]}.{month[5..]}" : $"{int.Parse(month[5..], CultureInfo.InvariantCulture)}月";

    /// <summary>A round top for the axis: 1, 2, 4, 5 or 10 times a power of ten, at least <paramref name="max"/>, divisible by 4 where it can be.</summary>
    private static int Nice(int max)
    {
        var step = 1;
        while (true)
        {
            foreach (var f in new[] { 4, 8, 20, 40 })
            {
                if (f * step >= max)
                {
                    return f * step;
                }
            }

            step *= 10;
        }
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{E(title)}</title>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
}
