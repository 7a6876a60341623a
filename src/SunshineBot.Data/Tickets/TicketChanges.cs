using System.Data.Common;
using System.Globalization;

namespace SunshineBot.Data;

/// <summary>
/// The tickets' change sequence (<c>tickets.ChangeSeq</c>, a shadow property): every save of a ticket takes the next
/// value of one counter row (<c>change_sequences</c>), so each instance's search index catches up by reading the
/// tickets whose sequence is above the last one it indexed. The counter's row lock (PostgreSQL) or the write lock
/// (SQLite) is held until the saving transaction commits, so sequences become visible in the order they were handed
/// out: a reader that sees sequence n already sees every sequence below n (docs/adr/0006-ticket-search-index.md).
/// </summary>
public static class TicketChanges
{
    public const string ChangeSeq = "ChangeSeq";

    public const string TicketsCounter = "tickets";

    /// <summary>
    /// Reserves <paramref name="count"/> sequence values in the transaction <paramref name="transaction"/> and
    /// returns the last of them (the first is last − count + 1). Must run inside the transaction that writes them.
    /// </summary>
    public static async Task<long> ReserveAsync(DbConnection connection, DbTransaction? transaction, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await using var cmd = Command(connection, transaction, count);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The synchronous <see cref="ReserveAsync"/>, for the synchronous SaveChanges.</summary>
    public static long Reserve(DbConnection connection, DbTransaction? transaction, int count)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        using var cmd = Command(connection, transaction, count);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, int count)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            "INSERT INTO change_sequences (name, value) VALUES (@name, @count) " +
            "ON CONFLICT (name) DO UPDATE SET value = change_sequences.value + @count RETURNING value;";
        var name = cmd.CreateParameter();
        name.ParameterName = "@name";
        name.Value = TicketsCounter;
        cmd.Parameters.Add(name);
        var n = cmd.CreateParameter();
        n.ParameterName = "@count";
        n.Value = (long)count;
        cmd.Parameters.Add(n);
        return cmd;
    }
}

/// <summary>A counter row behind <see cref="TicketChanges"/>; part of the model so a fresh schema includes it.</summary>
public sealed class ChangeSequence
{
    public string Name { get; set; } = "";

    public long Value { get; set; }
}
