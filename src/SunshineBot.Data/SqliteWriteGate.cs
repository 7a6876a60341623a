using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SunshineBot.Data;

/// <summary>
/// One writer at a time for a SQLite file within this process, queued asynchronously. SQLite allows one write
/// transaction per file; without this gate a second writer gets SQLITE_BUSY, and Microsoft.Data.Sqlite retries by
/// blocking its thread in <c>Thread.Sleep(150)</c> until the first one commits: under load the thread pool starves
/// and turns wait whole seconds (seen in the profile of docs/benchmarks.md). Here a writer waits on a semaphore
/// instead: no thread is blocked, and the next writer starts the moment the previous one commits.
/// The gate is taken when a transaction starts (EF's own around SaveChanges, or an explicit one) and for a write
/// command outside a transaction (ExecuteUpdate/ExecuteDelete), and released at commit, rollback, failure or when
/// the connection closes. A writer that cannot get the gate within <see cref="MaxWait"/> goes ahead anyway and
/// falls back to SQLite's own locking, so a writer that waits on another context's write never deadlocks.
/// After its commit a writer leaves the gate first and then waits for the group commit (<see cref="SqliteGroupCommit"/>):
/// the next writer works while the disk flushes, and one flush serves every writer waiting for it.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "One gate per database file for the life of the process.")]
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, bool> _holders = new();
    private readonly SqliteGroupCommit _commits;

    private SqliteWriteGate(string dataSource) => _commits = new SqliteGroupCommit(dataSource);

    /// <summary>The file's group commit: writers wait for it after their commit, with the gate already released.</summary>
    public SqliteGroupCommit Commits => _commits;

    public static TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The gate of one database file (the same for every context on it in this process).</summary>
    public static SqliteWriteGate For(string dataSource) => Gates.GetOrAdd(dataSource, path => new SqliteWriteGate(path));

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.ConnectionId, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.ConnectionId);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        _commits.FlushAsync().GetAwaiter().GetResult();
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return _commits.FlushAsync();
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(eventData.ConnectionId, cancellationToken);
        }

        return result;
    }

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(eventData.ConnectionId);
        }

        return result;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (LeaveAutocommit(command, eventData.ConnectionId))
        {
            _commits.FlushAsync().GetAwaiter().GetResult();
        }

        return result;
    }

    async ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        if (LeaveAutocommit(command, eventData.ConnectionId))
        {
            await _commits.FlushAsync();
        }

        return result;
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => _ = LeaveAutocommit(command, eventData.ConnectionId);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        _ = LeaveAutocommit(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => _ = LeaveAutocommit(command, eventData.ConnectionId);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        _ = LeaveAutocommit(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // synchronous is a setting of each connection, not of the file: every connection EF opens gets NORMAL, and the
    // durability FULL gave each commit comes from the group commit instead.
    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => UseNormalSync(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        UseNormalSync(connection);
        return Task.CompletedTask;
    }

    private static void UseNormalSync(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private static bool IsAutocommitWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Leaves after a write outside a transaction; true when it was one (it committed on its own).</summary>
    private bool LeaveAutocommit(DbCommand command, Guid connection)
    {
        if (command.Transaction is null)
        {
            Leave(connection);
            return IsAutocommitWrite(command);
        }

        return false;
    }

    private async ValueTask EnterAsync(Guid connection, CancellationToken ct)
    {
        if (!_holders.ContainsKey(connection) && await _gate.WaitAsync(MaxWait, ct))
        {
            _holders[connection] = true;
        }
    }

    private void Enter(Guid connection)
    {
        if (!_holders.ContainsKey(connection) && _gate.Wait(MaxWait))
        {
            _holders[connection] = true;
        }
    }

    private void Leave(Guid connection)
    {
        if (_holders.TryRemove(connection, out _))
        {
            _gate.Release();
        }
    }
}
