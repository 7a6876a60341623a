using Npgsql;
using SunshineBot.Testing;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>The advisory lock between two instances (two lock objects, each with its own connections).</summary>
public sealed class PostgresAccessTokenLockTests
{
    private const string AppId = "wxlock0000000001";

    // pg_locks lists the whole cluster; other tests' databases take advisory locks too (schema upgrades).
    private const string ThisDatabase = "database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    [Fact]
    public void KeyOf_IsStablePerAppIdAndDiffersBetweenAppIds()
    {
        Assert.Equal(PostgresAccessTokenLock.KeyOf(AppId), PostgresAccessTokenLock.KeyOf(AppId));
        Assert.NotEqual(PostgresAccessTokenLock.KeyOf(AppId), PostgresAccessTokenLock.KeyOf("wxlock0000000002"));
    }

    [PostgresFact]
    public async Task Acquire_HeldByAnotherInstance_WaitsUntilItIsReleased()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", migrate: false);
        await CreateAsync(database);
        var first = new PostgresAccessTokenLock(database.ConnectionString);
        var second = new PostgresAccessTokenLock(database.ConnectionString);

        var held = await first.AcquireAsync(AppId, CancellationToken.None);
        var waiting = second.AcquireAsync(AppId, CancellationToken.None).AsTask();
        await WaitForAdvisoryWaiterAsync(database);
        await using (await second.AcquireAsync("wxlock0000000002", CancellationToken.None))
        {
            // Another AppId is another key: not blocked.
        }

        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var next = await waiting;
        Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM pg_locks WHERE " + ThisDatabase + " AND locktype = 'advisory' AND granted"));
    }

    [PostgresFact]
    public async Task Acquire_HolderConnectionDies_TheLockIsFreedWithIt()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", migrate: false);
        await CreateAsync(database);
        var first = new PostgresAccessTokenLock(database.ConnectionString);
        var second = new PostgresAccessTokenLock(database.ConnectionString);
        var held = await first.AcquireAsync(AppId, CancellationToken.None);
        var waiting = second.AcquireAsync(AppId, CancellationToken.None).AsTask();
        await WaitForAdvisoryWaiterAsync(database);

        // As when the instance holding it crashes: the server ends its session.
        await CountAsync(database, "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks WHERE " + ThisDatabase + " AND locktype = 'advisory' AND granted");

        await using var next = await waiting;
        await held.DisposeAsync(); // the broken connection is closed quietly
    }

    [PostgresFact]
    public async Task Acquire_CancelledWhileWaiting_ThrowsAndHoldsNothing()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", migrate: false);
        await CreateAsync(database);
        var first = new PostgresAccessTokenLock(database.ConnectionString);
        var second = new PostgresAccessTokenLock(database.ConnectionString);
        var held = await first.AcquireAsync(AppId, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = second.AcquireAsync(AppId, cancel.Token).AsTask();
        await WaitForAdvisoryWaiterAsync(database);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();

        // Nothing left behind: neither the local gate nor a server-side lock.
        await using (await second.AcquireAsync(AppId, CancellationToken.None))
        {
            Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM pg_locks WHERE " + ThisDatabase + " AND locktype = 'advisory' AND granted"));
        }

        Assert.Equal(0, await CountAsync(database, "SELECT COUNT(*) FROM pg_locks WHERE " + ThisDatabase + " AND locktype = 'advisory'"));
    }

    private static async Task CreateAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    /// <summary>Until a session of this database waits on an advisory lock (seen by the server, not guessed from time).</summary>
    private static async Task WaitForAdvisoryWaiterAsync(TestDatabase database)
    {
        const string sql = "SELECT COUNT(*) FROM pg_locks WHERE " + ThisDatabase + " AND locktype = 'advisory' AND NOT granted";
        for (var i = 0; i < 300; i++)
        {
            if (await CountAsync(database, sql) > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("No session waited on the advisory lock.");
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
