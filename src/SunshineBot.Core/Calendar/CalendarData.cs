using System.Globalization;
using System.Text.Json;

namespace SunshineBot.Core.Calendar;

/// <summary>What kind of day a date is on the working-day calendar.</summary>
public enum DayKind
{
    Workday,
    Weekend,
    Holiday,
    MakeupWorkday,
}

/// <summary>One date as the calendar sees it: <see cref="Name"/> is the holiday's name for holidays and make-up days.</summary>
public sealed record DayInfo(DateOnly Date, DayKind Kind, string? Name)
{
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.MakeupWorkday;
}

/// <summary>
/// The parsed calendar file: public holidays and make-up working days per year, the time zone and office hours.
/// The file is data (see <c>calendar/cn-holidays.json</c>); adding a year is a file edit.
/// </summary>
public sealed class CalendarData
{
    public required TimeZoneInfo TimeZone { get; init; }

    public required TimeOnly WorkStart { get; init; }

    public required TimeOnly WorkEnd { get; init; }

    public required IReadOnlyDictionary<DateOnly, DayInfo> Exceptions { get; init; }

    public required IReadOnlySet<int> Years { get; init; }

    /// <summary>Parses the JSON calendar file; a mistake names the entry that is wrong.</summary>
    public static CalendarData Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var zoneId = root.TryGetProperty("timeZone", out var z) ? z.GetString() ?? "Asia/Shanghai" : "Asia/Shanghai";
        var hours = root.TryGetProperty("workingHours", out var h) ? h : default;
        var exceptions = new Dictionary<DateOnly, DayInfo>();
        var years = new HashSet<int>();

        if (!root.TryGetProperty("years", out var yearsElement) || yearsElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("calendar file: missing \"years\" object");
        }

        foreach (var year in yearsElement.EnumerateObject())
        {
            var yearNumber = int.Parse(year.Name, CultureInfo.InvariantCulture);
            years.Add(yearNumber);
            foreach (var holiday in Array(year.Value, "holidays"))
            {
                var name = Required(holiday, "name", year.Name);
                var from = Date(holiday, "from", year.Name);
                var to = holiday.TryGetProperty("to", out _) ? Date(holiday, "to", year.Name) : from;
                if (to < from)
                {
                    throw new FormatException($"calendar file: {year.Name} holiday {name} ends before it starts");
                }

                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    Add(exceptions, new DayInfo(d, DayKind.Holiday, name));
                }
            }

            foreach (var makeup in Array(year.Value, "makeupWorkdays"))
            {
                Add(exceptions, new DayInfo(Date(makeup, "date", year.Name), DayKind.MakeupWorkday, Required(makeup, "name", year.Name)));
            }
        }

        return new CalendarData
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId),
            WorkStart = Time(hours, "start", new TimeOnly(8, 30)),
            WorkEnd = Time(hours, "end", new TimeOnly(17, 30)),
            Exceptions = exceptions,
            Years = years,
        };
    }

    private static void Add(Dictionary<DateOnly, DayInfo> exceptions, DayInfo day)
    {
        if (!exceptions.TryAdd(day.Date, day))
        {
            throw new FormatException($"calendar file: {day.Date:yyyy-MM-dd} is listed twice");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement year, string name) =>
        year.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string Required(JsonElement e, string name, string year) =>
        e.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s
            ? s
            : throw new FormatException($"calendar file: an entry of {year} has no \"{name}\"");

    private static DateOnly Date(JsonElement e, string name, string year)
    {
        var text = Required(e, name, year);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"calendar file: \"{text}\" in {year} is not a date like 2026-10-01");
    }

    private static TimeOnly Time(JsonElement e, string name, TimeOnly fallback) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? TimeOnly.ParseExact(v.GetString()!, "HH:mm", CultureInfo.InvariantCulture)
            : fallback;
}
