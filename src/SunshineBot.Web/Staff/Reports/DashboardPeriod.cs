using System.Globalization;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Reports;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// The dashboard's period picker: a calendar month, quarter or year, as whole local days. The picker's query string is
/// <c>kind=month|quarter|year&amp;year=2026&amp;month=11&amp;quarter=4</c>; missing parts default to the current one.
/// </summary>
public sealed record DashboardPeriod(PeriodKind Kind, int Year, int Number)
{
    public DateOnly From => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (3 * (Number - 1)) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        PeriodKind.Month => From.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => $"{Year}年{Number}月",
        PeriodKind.Quarter => $"{Year}年第{"一二三四"[Number - 1]}季度",
        _ => $"{Year}年",
    };

    public string KindKey => Kind.ToString().ToLowerInvariant();

    public DashboardPeriod Previous => Kind switch
    {
        PeriodKind.Month => Number == 1 ? this with { Year = Year - 1, Number = 12 } : this with { Number = Number - 1 },
        PeriodKind.Quarter => Number == 1 ? this with { Year = Year - 1, Number = 4 } : this with { Number = Number - 1 },
        _ => this with { Year = Year - 1 },
    };

    public DashboardPeriod Next => Kind switch
    {
        PeriodKind.Month => Number == 12 ? this with { Year = Year + 1, Number = 1 } : this with { Number = Number + 1 },
        PeriodKind.Quarter => Number == 4 ? this with { Year = Year + 1, Number = 1 } : this with { Number = Number + 1 },
        _ => this with { Year = Year + 1 },
    };

    /// <summary>The query-string part that selects this period on the dashboard.</summary>
    public string Query => Kind switch
    {
        PeriodKind.Month => $"kind=month&year={Year}&month={Number}",
        PeriodKind.Quarter => $"kind=quarter&year={Year}&quarter={Number}",
        _ => $"kind=year&year={Year}",
    };

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads the picker; <paramref name="today"/> (local) fills what is missing. Bad values get a Chinese message.</summary>
    public static DashboardPeriod Parse(string? kind, string? year, string? month, string? quarter, DateOnly today)
    {
        var k = (kind ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "year" => PeriodKind.Year,
            "quarter" => PeriodKind.Quarter,
            "month" => PeriodKind.Month,
            _ => throw new DomainException("统计期间只能按月、按季度或按年选择。"),
        };
        var y = Part(year, today.Year, 2000, 2100, "年份应为2000到2100之间的四位数。");
        return k switch
        {
            PeriodKind.Month => new DashboardPeriod(k, y, Part(month, today.Month, 1, 12, "月份应为1到12。")),
            PeriodKind.Quarter => new DashboardPeriod(k, y, Part(quarter, ((today.Month - 1) / 3) + 1, 1, 4, "季度应为1到4。")),
            _ => new DashboardPeriod(k, y, 0),
        };
    }

    private static int Part(string? text, int fallback, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new DomainException(message);
    }
}
