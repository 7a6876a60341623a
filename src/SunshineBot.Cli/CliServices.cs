using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;

namespace SunshineBot.Cli;

/// <summary>The database, calendar and limits as the web host configures them (same keys, same defaults).</summary>
internal static class CliServices
{
    public static SunshineDbContext OpenDatabase(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, options.Provider, DataServiceCollectionExtensions.ResolveConnectionString(options, Directory.GetCurrentDirectory()));
        return new SunshineDbContext(builder.Options);
    }

    /// <summary>The deadline policy on the configured calendar; a bad calendar or limits throw <see cref="FormatException"/>.</summary>
    public static DeadlinePolicy LoadDeadlines(IConfiguration configuration)
    {
        var calendar = LoadCalendar(configuration);
        var options = configuration.GetSection(DeadlineOptions.Section).Get<DeadlineOptions>() ?? new DeadlineOptions();
        var problems = options.Validate();
        return problems.Count == 0 ? new DeadlinePolicy(calendar, options) : throw new FormatException(string.Join("；", problems));
    }

    public static WorkingDayCalendar LoadCalendar(IConfiguration configuration) =>
        CalendarFile.Load(CalendarFile.ResolvePath(configuration[$"{CalendarOptions.Section}:Path"], Directory.GetCurrentDirectory()));
}
