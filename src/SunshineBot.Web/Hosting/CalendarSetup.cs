using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Data.Calendar;

namespace SunshineBot.Web.Hosting;

public static class CalendarSetup
{
    /// <summary>
    /// The clock, the working-day calendar (<c>Calendar:Path</c>, reloaded when the file changes: <see cref="CalendarReloader"/>)
    /// and the time limits (<c>Deadlines</c>).
    /// </summary>
    public static IHostApplicationBuilder AddWorkingDayCalendar(this IHostApplicationBuilder builder)
    {
        var calendarOptions = StartupOptions.Bind<CalendarOptions>(builder.Configuration, CalendarOptions.Section, o =>
            o.ReloadInterval > TimeSpan.Zero ? [] : ["Calendar:ReloadInterval must be positive (e.g. 00:01:00)"]);
        var path = CalendarFile.ResolvePath(calendarOptions.Path, builder.Environment.ContentRootPath);
        WorkingDayCalendar calendar;
        try
        {
            calendar = CalendarFile.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or FormatException)
        {
            throw new InvalidConfigurationException(e.Message, e);
        }

        var deadlines = StartupOptions.Bind<DeadlineOptions>(builder.Configuration, DeadlineOptions.Section, o => o.Validate());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(calendar);
        builder.Services.AddSingleton(new CalendarReloader.Settings(path, calendarOptions.ReloadInterval));
        builder.Services.AddSingleton<CalendarReloader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CalendarReloader>());
        builder.Services.AddSingleton(deadlines);
        builder.Services.AddSingleton<DeadlinePolicy>();
        return builder;
    }

    /// <summary>Start-up log: how far the calendar reaches; a warning within <see cref="CalendarCoverage.WarnDays"/> days of its end.</summary>
    public static void LogCalendarCoverage(this WebApplication app)
    {
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var coverage = CalendarCoverage.Of(calendar, calendar.LocalDate(clock.GetUtcNow()));
        if (coverage.RunningOut)
        {
            app.Logger.LogWarning(
                "Working-day calendar: holidays are known through {End} ({DaysLeft} days left); deadlines after that count weekends only and are flagged. Import the next year with `sunshinebot calendar import FILE`; the running host picks it up within Calendar:ReloadInterval",
                coverage.CoveredThrough, coverage.DaysLeft);
        }
        else
        {
            app.Logger.LogInformation("Working-day calendar: holidays are known through {End}", coverage.CoveredThrough);
        }
    }
}
