using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Hosting;

/// <summary>
/// The real host on a temp SQLite file of its own (one per factory), with test settings on top; with
/// SUNSHINE_TEST_PROVIDER=Postgres on a fresh PostgreSQL database of its own instead (dropped at dispose), unless
/// the test names a SQLite file itself.
/// </summary>
public sealed class SunshineWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;

    public SunshineWebFactory(Dictionary<string, string?>? settings = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "sunshine-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Directory, "sunshine.db")}",
            ["Bootstrap:AdminPassword"] = "Test-Admin-Pass-1",
            ["Knowledge:Path"] = Path.Combine(RepoRoot.Path, "kb"),
            ["DataProtection:KeysPath"] = Path.Combine(Directory, "keys"),
            ["Chat:UploadPath"] = Path.Combine(Directory, "uploads"),
            // Tests set stamps where they need them (a unit without one is a case of its own); DemoStampTests turn them on.
            ["Bootstrap:DemoStamps"] = "false",
        };
        if (ExternalResources.HostsOnPostgres)
        {
            var server = ExternalResources.PostgresConnectionString
                ?? throw new InvalidOperationException($"{ExternalResources.ProviderVariable}=Postgres needs {ExternalResources.PostgresVariable}");
            _postgresDatabase = "sunshine_host_" + Guid.NewGuid().ToString("N")[..16];
            _settings["Database:Provider"] = "Postgres";
            _settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }

        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        // Instances on a database the test names (a restart, a second instance) share its key ring, as deployed
        // instances must: names and phones are sealed with it.
        if (settings?.ContainsKey("DataProtection:KeysPath") != true && settings?.GetValueOrDefault("Database:ConnectionString") is { } shared)
        {
            _settings["DataProtection:KeysPath"] = TestDatabase.KeysPathFor(shared);
        }

        // A test that brings its own SQLite file (a restart on the same file, a second instance) stays on SQLite.
        if (settings?.ContainsKey("Database:Provider") != true && _settings["Database:ConnectionString"]?.StartsWith("Data Source=", StringComparison.Ordinal) == true)
        {
            _settings["Database:Provider"] = "Sqlite";
        }
    }

    /// <summary>The connection string the host uses (SQLite file or PostgreSQL database).</summary>
    public string ConnectionString => _settings["Database:ConnectionString"]!;

    public string Directory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DropPostgresDatabase();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void DropPostgresDatabase()
    {
        if (_postgresDatabase is null || !Dropped.TryAdd(_postgresDatabase, 0))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ExternalResources.PostgresConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Dropped = new(StringComparer.Ordinal);
}

/// <summary>The repository root (the folder with SunshineBot.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SunshineBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SunshineBot.sln not found above " + AppContext.BaseDirectory);
    }
}
