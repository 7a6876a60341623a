using Microsoft.EntityFrameworkCore;

namespace SunshineBot.Data;

/// <summary>
/// A unit of work whose transaction begins at its first write instead of at its start. A parent turn reads its state,
/// runs the engine (the knowledge base, the flows) and only then writes: holding the write transaction through all of
/// that serialised every turn behind SQLite's single writer (docs/benchmarks.md, issue 13). Reads before the first
/// write run outside the transaction; what they read is protected by the rows' concurrency tokens (the conversation's
/// and the ticket's <c>Version</c>) and unique keys (the inbound message id), so a conflicting writer fails the save
/// and the caller starts over.
/// </summary>
public sealed partial class SunshineDbContext
{
    private bool _transactionOnFirstWrite;

    /// <summary>From now on, the first write (a save with changes, or <see cref="EnsureWriteTransactionAsync"/>) begins the transaction.</summary>
    public void BeginTransactionOnFirstWrite() => _transactionOnFirstWrite = true;

    /// <summary>Begins the deferred transaction if one was asked for and none is open; callers writing with raw SQL call it first.</summary>
    public async Task EnsureWriteTransactionAsync(CancellationToken ct)
    {
        if (_transactionOnFirstWrite && Database.CurrentTransaction is null)
        {
            await Database.BeginTransactionAsync(ct);
        }
    }

    /// <summary>Commits the deferred transaction if a write began it; ends the deferral either way.</summary>
    public async Task CommitWritesAsync(CancellationToken ct)
    {
        _transactionOnFirstWrite = false;
        if (Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Rolls back the deferred transaction if a write began it (nothing of the unit of work is kept); ends the deferral.</summary>
    public async Task AbandonWritesAsync()
    {
        _transactionOnFirstWrite = false;
        if (Database.CurrentTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    // On SQLite every save runs in a transaction, even a single statement (EF would otherwise run that one on its own):
    // the write gate and the group commit (SqliteWriteGate) see transactions, so no save slips past either.
    private void SaveInTransactionOnSqlite()
    {
        if (IsSqlite)
        {
            Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private void EnsureWriteTransaction()
    {
        if (_transactionOnFirstWrite && Database.CurrentTransaction is null && ChangeTracker.HasChanges())
        {
            Database.BeginTransaction();
        }
    }

    private Task EnsureWriteTransactionForSaveAsync(CancellationToken ct) =>
        _transactionOnFirstWrite && Database.CurrentTransaction is null && ChangeTracker.HasChanges()
            ? Database.BeginTransactionAsync(ct)
            : Task.CompletedTask;
}
