using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Calendar;
using SunshineBot.Data.Calendar;
using SunshineBot.Testing;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Tests.Staff;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary><c>sunshinebot calendar import</c> takes effect in a running host, without a restart.</summary>
public sealed class CalendarReloadTests : IDisposable
{
    private const string Year2027 = """
        { "years": { "2027": {
            "source": "示例通知",
            "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" } ],
            "makeupWorkdays": [ { "name": "国庆节调休", "date": "2027-10-09" } ] } } }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sunshine-cal-reload-").FullName;

    private string CalendarPath => Path.Combine(_dir, "cn-holidays.json");

    public CalendarReloadTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json"), CalendarPath);

    [Fact]
    public async Task Import_WhileTheHostRuns_TheNewYearCountsAndTheWarningGoesWithoutARestart()
    {
        // Tuesday 17 November 2026, Beijing: the calendar ends in 44 days, so admins are warned.
        using var host = new StaffTestHost(
            new() { ["Calendar:Path"] = CalendarPath, ["Calendar:ReloadInterval"] = "00:00:00.200" },
            clock: new TestClock(new DateTimeOffset(2026, 11, 17, 2, 0, 0, TimeSpan.Zero)));
        using var admin = await host.PagesAsync("admin");
        var calendar = host.App.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.Contains("工作日历的节假日安排只到2026年12月31日", WebUtility.HtmlDecode(await admin.GetPageAsync("/staff")), StringComparison.Ordinal);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 10, 5)));

        var import = Path.Combine(_dir, "2027.json");
        await File.WriteAllTextAsync(import, Year2027);
        CalendarImport.Run(import, CalendarPath); // what `sunshinebot calendar import` does

        // The reloader looks every 200 ms; a loaded machine may take longer, so wait generously.
        for (var tries = 0; tries < 600 && !calendar.Covers(2027); tries++)
        {
            await Task.Delay(100);
        }

        Assert.True(calendar.Covers(2027), "the running host took the imported year");
        Assert.Equal(DayKind.Holiday, calendar.Describe(new DateOnly(2027, 10, 5)).Kind);
        Assert.DoesNotContain("工作日历的节假日安排只到", WebUtility.HtmlDecode(await admin.GetPageAsync("/staff")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckNow_FileUnchangedOrBroken_KeepsTheCalendarInUse()
    {
        using var host = new StaffTestHost(new() { ["Calendar:Path"] = CalendarPath, ["Calendar:ReloadInterval"] = "01:00:00" });
        var reloader = host.App.Services.GetRequiredService<CalendarReloader>();
        var calendar = host.App.Services.GetRequiredService<WorkingDayCalendar>();

        Assert.False(reloader.CheckNow());
        await File.WriteAllTextAsync(CalendarPath, "{ \"years\": { \"2026\": { \"holidays\": [ { \"name\": \"坏\", \"from\": \"2026-13-01\" } ] } } }");
        Assert.False(reloader.CheckNow());
        Assert.Equal(DayKind.Holiday, calendar.Describe(new DateOnly(2026, 10, 1)).Kind);

        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json"), CalendarPath, overwrite: true);
        var import = Path.Combine(_dir, "2027.json");
        await File.WriteAllTextAsync(import, Year2027);
        CalendarImport.Run(import, CalendarPath);
        Assert.True(reloader.CheckNow());
        Assert.True(calendar.Covers(2027));
        Assert.False(reloader.CheckNow());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
