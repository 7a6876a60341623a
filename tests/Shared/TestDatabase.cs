using Microsoft.EntityFrameworkCore;
using Npgsql;
using SunshineBot.Data;
using SunshineBot.Data.Schema;

namespace SunshineBot.Testing;

/// <summary>
/// A real, empty database of its own for one test: a temp SQLite file, or a fresh PostgreSQL database on the
/// cluster named by SUNSHINE_TEST_POSTGRES. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == "Postgres")
        {
            var server = ExternalResources.PostgresConnectionString
                ?? throw new InvalidOperationException($"PostgreSQL required but {ExternalResources.PostgresVariable} is not set");
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = "sunshine_test_" + Guid.NewGuid().ToString("N")[..16], Pooling = true };
            database = new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), "sunshine-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            database = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "sunshine.db")}", directory);
        }

        if (migrate)
        {
            await using var db = database.NewContext();
            await new SchemaMigrator(db).MigrateAsync();
        }

        return database;
    }

    public SunshineDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<SunshineDbContext>();
        DataServiceCollectionExtensions.Configure(builder, Provider, ConnectionString);
        return new SunshineDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var db = NewContext();
            await db.Database.EnsureDeletedAsync();
        }
        else if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a failed test: leave it in the temp folder.
            }
        }
    }
}
