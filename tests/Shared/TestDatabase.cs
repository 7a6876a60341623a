using Microsoft.EntityFrameworkCore;
using Npgsql;
using SunshineBot.Data;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Schema;

namespace SunshineBot.Testing;

/// <summary>
/// A real, empty database of its own for one test: a temp SQLite file, or a fresh PostgreSQL database on the
/// cluster named by SUNSHINE_TEST_POSTGRES. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private ContactProtection? _contacts;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// The Data Protection key ring and blind-index key file of this database (<see cref="KeysPathFor"/>: a host given
    /// this connection string finds the same folder).
    /// </summary>
    public string KeysPath => KeysPathFor(ConnectionString);

    /// <summary>The key ring and blind-index key this database's names and phones are sealed with.</summary>
    public ContactProtection Contacts => _contacts ??= ContactProtection.ForKeysDirectory(KeysPath, null);

    /// <summary>The keys folder of the database named by a connection string: everything on one database shares it, as deployed instances do.</summary>
    public static string KeysPathFor(string connectionString) =>
        Path.Combine(Path.GetTempPath(), "sunshine-test-keys", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connectionString)))[..20]);

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
        builder.UseContactProtection(Contacts);
        return new SunshineDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(KeysPath))
        {
            Directory.Delete(KeysPath, recursive: true);
        }

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
