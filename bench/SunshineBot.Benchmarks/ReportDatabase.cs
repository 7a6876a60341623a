using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Data;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Benchmarks;

/// <summary>The seeded SQLite file the report and queue benchmarks read (<c>SUNSHINE_BENCH_DB</c> or an argument).</summary>
internal static class ReportDatabase
{
    public static string Path(string? argument) =>
        argument ?? Environment.GetEnvironmentVariable("SUNSHINE_BENCH_DB")
        ?? throw new InvalidOperationException("Give the seeded SQLite file as an argument or in SUNSHINE_BENCH_DB.");

    public static SunshineDbContext Open(string file)
    {
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={file}");

        // Contacts are sealed with a key ring kept beside the file (made on first use).
        builder.UseContactProtection(ContactProtection.ForKeysDirectory(file + ".keys", null));
        if (Environment.GetEnvironmentVariable("SUNSHINE_BENCH_SQL") is "1")
        {
            builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        }

        var db = new SunshineDbContext(builder.Options);

        // A file seeded by an older build gets the schema steps added since.
        new SunshineBot.Data.Schema.SchemaMigrator(db).MigrateAsync().GetAwaiter().GetResult();
        return db;
    }

    /// <summary>The twelve months before today's month: the "year's metrics" of the targets.</summary>
    public static (DateOnly From, DateOnly To) LastYear(WorkingDayCalendar calendar)
    {
        var today = calendar.LocalDate(TimeProvider.System.GetUtcNow());
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first.AddYears(-1), first.AddDays(-1));
    }
}
