using SunshineBot.Core.Calendar;

namespace SunshineBot.Data.Calendar;

/// <summary>Configuration section <c>Calendar</c>: where the working-day calendar file is.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public const string DefaultFile = "calendar/cn-holidays.json";

    /// <summary>Null: the file shipped beside the binaries. A relative path resolves against the content root.</summary>
    public string? Path { get; set; }

    /// <summary>How often a running host looks at the file again (a <c>sunshinebot calendar import</c> needs no restart).</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Reads the calendar data file (shipped as <c>calendar/cn-holidays.json</c> next to the binaries).</summary>
public static class CalendarFile
{
    public static string ResolvePath(string? configuredPath, string contentRoot) =>
        string.IsNullOrWhiteSpace(configuredPath)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, CalendarOptions.DefaultFile)
            : System.IO.Path.GetFullPath(configuredPath, contentRoot);

    /// <summary>Loads and parses the file; a missing or malformed file is reported with its path.</summary>
    public static WorkingDayCalendar Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Working-day calendar file not found: {path} (set Calendar:Path)", path);
        }

        try
        {
            return new WorkingDayCalendar(CalendarData.Parse(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
