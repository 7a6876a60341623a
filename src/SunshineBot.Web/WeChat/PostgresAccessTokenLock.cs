using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SunshineBot.WeChat.Api;

namespace SunshineBot.Web.WeChat;

/// <summary>
/// Serialises access-token refreshes across instances with a PostgreSQL session advisory lock
/// (<c>pg_advisory_lock</c>) keyed by the AppId. Callers in this process queue on a local semaphore first, so one
/// instance holds at most one lock connection. The lock lives on a dedicated, unpooled connection: releasing it is
/// <c>pg_advisory_unlock</c> and closing that connection, and if the process dies the server drops the lock with the
/// connection — it can never leak into a pooled connection someone else reuses.
/// </summary>
public sealed class PostgresAccessTokenLock : IAccessTokenLock
{
    private readonly string _connectionString;
    private readonly LocalAccessTokenLock _local = new();

    public PostgresAccessTokenLock(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    /// <summary>The advisory-lock key of an AppId: the first 8 bytes of SHA-256 over a fixed prefix and the AppId.</summary>
    public static long KeyOf(string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("sunshinebot:wechat-access-token:" + appId));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string appId, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(appId, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            var key = KeyOf(appId);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                // Waits for the instance that is refreshing now; its fetch is bounded by WeChat:ApiTimeoutSeconds.
                command.CommandTimeout = 0;
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new Held(connection, key, local);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await local.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, long key, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is broken: closing it (below) ends the session, and the server drops the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }
}
