using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Cli;

/// <summary>The database, calendar and limits as the web host configures them (same keys, same defaults).</summary>
internal static class CliServices
{
    /// <summary>
    /// The configured database, with the key ring the web host seals names and phones with (<c>DataProtection:KeysPath</c>,
    /// default <c>data/keys</c>, and <c>Privacy:BlindIndexKey</c> or the key file in that folder: run the CLI with the
    /// host's settings).
    /// </summary>
    public static SunshineDbContext OpenDatabase(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, options.Provider, DataServiceCollectionExtensions.ResolveConnectionString(options, Directory.GetCurrentDirectory()));
        builder.UseContactProtection(OpenContactProtection(configuration));
        return new SunshineDbContext(builder.Options);
    }

    public static ContactProtection OpenContactProtection(IConfiguration configuration)
    {
        var configured = configuration["DataProtection:KeysPath"];
        var keys = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data/keys" : configured, Directory.GetCurrentDirectory());
        return ContactProtection.ForKeysDirectory(keys, configuration[ContactProtection.BlindIndexKeySetting]);
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
