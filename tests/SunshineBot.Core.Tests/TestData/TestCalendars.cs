using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Tests.TestData;

/// <summary>The real calendar file as shipped beside the binaries, parsed afresh for each caller.</summary>
internal static class TestCalendars
{
    public static string RealFilePath => Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json");

    public static WorkingDayCalendar Real() => new(CalendarData.Parse(File.ReadAllText(RealFilePath)));

    /// <summary>Local time in Asia/Shanghai (UTC+8, no daylight saving).</summary>
    public static DateTimeOffset Beijing(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
