using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Data.Calendar;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Schema;

namespace SunshineBot.Cli.Tests.Ledger;

/// <summary>A temp SQLite database with a small unit tree, pointed at by <c>Database__ConnectionString</c> while in use.</summary>
internal sealed class LedgerTestDatabase : IAsyncDisposable
{
    private LedgerTestDatabase(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The key ring the CLI shares with the test (<c>DataProtection__KeysPath</c> while in use).</summary>
    public string KeysPath => Path.Combine(Directory, "keys");

    public string ConnectionString => $"Data Source={Path.Combine(Directory, "ledger.db")}";

    public static WorkingDayCalendar Calendar { get; } = CalendarFile.Load(CalendarFile.ResolvePath(null, "."));

    public static DeadlinePolicy Deadlines { get; } = new(Calendar, new DeadlineOptions());

    public static async Task<LedgerTestDatabase> CreateAsync(bool units = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sunshine-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var database = new LedgerTestDatabase(dir);
        await using var db = database.NewContext();
        await new SchemaMigrator(db).MigrateAsync();
        if (units)
        {
            var root = Unit.CreateRoot("YGS", "阳光市教育局", UnitKind.City);
            var east = root.CreateChild("YGS-DC", "东城区教育局", UnitKind.County);
            var west = root.CreateChild("YGS-XC", "西城区教育局", UnitKind.County);
            db.Units.AddRange(root, east, west,
                east.CreateChild("YGS-DC-001", "东城区第一小学", UnitKind.School),
                west.CreateChild("YGS-XC-001", "第一小学", UnitKind.School),
                east.CreateChild("YGS-DC-009", "第一小学", UnitKind.School));
            await db.SaveChangesAsync();
        }

        return database;
    }

    public SunshineDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, ConnectionString);
        builder.UseContactProtection(ContactProtection.ForKeysDirectory(KeysPath, null));
        return new SunshineDbContext(builder.Options);
    }

    /// <summary>Runs the CLI against this database.</summary>
    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        Environment.SetEnvironmentVariable("Database__ConnectionString", ConnectionString);
        Environment.SetEnvironmentVariable("DataProtection__KeysPath", KeysPath);
        try
        {
            return CliRunner.Run(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            Environment.SetEnvironmentVariable("DataProtection__KeysPath", null);
        }
    }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
