using System.Collections.Frozen;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Reports;

/// <summary>
/// One row of the facts query (columns in <see cref="TicketFacts"/>' order), read by position. Two sources implement
/// it: any <see cref="DbDataReader"/> (PostgreSQL), and SQLite's statement read straight through SQLitePCL, which
/// skips Microsoft.Data.Sqlite's per-value checks (docs/benchmarks.md, "Reports and the staff queue at 1M tickets").
/// Both are structs used through generics, so the JIT compiles <see cref="FactRows.Build{TRow}"/> once per source
/// with no interface calls.
/// </summary>
internal interface IFactRow
{
    bool IsNull(int i);

    long Int64(int i);

    bool Bool(int i);

    string Text(int i);

    /// <summary>An enum column's member position in <see cref="Enum.GetNames{TEnum}"/>; -1 for a name the enum lacks.</summary>
    int Position<T>(int i)
        where T : struct, Enum;

    /// <summary>A unit code: one shared string per code, since half a million rows name three hundred units.</summary>
    string? UnitCode(int i);

    DateTimeOffset Instant(int i);
}

internal static class FactRows
{
    /// <summary>The fact of the current row, or null when it counts against a unit outside the selection.</summary>
    public static TicketFact? Build<TRow>(ref TRow row, FrozenSet<string> codes, bool withoutUnit, Dictionary<long, IReadOnlyList<FaultKind>> faults)
        where TRow : struct, IFactRow
    {
        var unit = row.UnitCode(7) ?? row.UnitCode(8);
        if (unit is null ? !withoutUnit : !codes.Contains(unit))
        {
            return null;
        }

        // The first round's reply, as Ticket keeps it once sent back (see TicketFact.Of).
        var firstRoundDue = Instant(ref row, 12);
        return new TicketFact(
            row.Text(1), Member<TicketKind, TRow>(ref row, 2), Member<Severity, TRow>(ref row, 3), Member<Channel, TRow>(ref row, 4),
            Member<TicketCategory, TRow>(ref row, 5), Member<TicketStatus, TRow>(ref row, 6), unit, row.UnitCode(9), row.Instant(10),
            firstRoundDue ?? row.Instant(11), firstRoundDue is null ? Instant(ref row, 13) : Instant(ref row, 14),
            row.Instant(15), Instant(ref row, 16), (int)row.Int64(17), (int)row.Int64(18),
            Optional<Satisfaction, TRow>(ref row, 19), Optional<Finding, TRow>(ref row, 20), Flag(ref row, 21), Flag(ref row, 22),
            faults.GetValueOrDefault(row.Int64(0)) ?? [], Instant(ref row, 23), Instant(ref row, 24), (int)row.Int64(25));
    }

    private static DateTimeOffset? Instant<TRow>(ref TRow row, int i)
        where TRow : struct, IFactRow => row.IsNull(i) ? null : row.Instant(i);

    private static bool? Flag<TRow>(ref TRow row, int i)
        where TRow : struct, IFactRow => row.IsNull(i) ? null : row.Bool(i);

    private static T? Optional<T, TRow>(ref TRow row, int i)
        where T : struct, Enum
        where TRow : struct, IFactRow => row.IsNull(i) ? null : Member<T, TRow>(ref row, i);

    /// <summary>A stored enum by its position (the query numbers the names); a name the enum does not have fails loudly.</summary>
    private static T Member<T, TRow>(ref TRow row, int i)
        where T : struct, Enum
        where TRow : struct, IFactRow => row.Position<T>(i) is var at && at >= 0
            ? EnumNames<T>.Values[at]
            : throw new InvalidDataException($"Ticket column {i} holds a value that is not a {typeof(T).Name}.");
}

/// <summary>Enum members in the order of <see cref="Enum.GetNames{TEnum}"/> (as the PostgreSQL query numbers them), and by name.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly T[] Values = Enum.GetNames<T>().Select(Enum.Parse<T>).ToArray();

    private static readonly Dictionary<string, int> Positions = Enum.GetNames<T>().Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    public static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ByName = Positions.GetAlternateLookup<ReadOnlySpan<char>>();
}

/// <summary>A <see cref="DbDataReader"/> row of a provider other than SQLite: enums as positions, instants as timestamptz.</summary>
internal readonly struct ReaderRow(DbDataReader reader) : IFactRow
{
    public bool IsNull(int i) => reader.IsDBNull(i);

    public long Int64(int i) => reader.GetInt64(i);

    public bool Bool(int i) => reader.GetBoolean(i);

    public int Position<T>(int i)
        where T : struct, Enum => reader.IsDBNull(i) ? -1 : reader.GetInt32(i);

    public string Text(int i) => reader.GetString(i);

    public string? UnitCode(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public DateTimeOffset Instant(int i) => reader.GetFieldValue<DateTimeOffset>(i);
}

/// <summary>A row of a prepared SQLite statement on the connection EF opened, read through SQLitePCL.</summary>
internal struct SqliteRow(sqlite3_stmt statement, Dictionary<string, string> units) : IFactRow
{
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup = units.GetAlternateLookup<ReadOnlySpan<char>>();

    public readonly bool IsNull(int i) => raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL;

    public readonly long Int64(int i) => raw.sqlite3_column_int64(statement, i);

    public readonly bool Bool(int i) => raw.sqlite3_column_int64(statement, i) != 0;

    /// <summary>Enum names are read in place and looked up, with no string made.</summary>
    public readonly int Position<T>(int i)
        where T : struct, Enum
    {
        var bytes = raw.sqlite3_column_blob(statement, i);
        Span<char> chars = stackalloc char[64];
        return bytes.Length is > 0 and <= 64 && EnumNames<T>.ByName.TryGetValue(chars[..Encoding.UTF8.GetChars(bytes, chars)], out var at) ? at : -1;
    }

    public readonly string Text(int i) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, i));

    public string? UnitCode(int i)
    {
        var bytes = raw.sqlite3_column_blob(statement, i);
        if (bytes.IsEmpty)
        {
            return null;
        }

        Span<char> chars = stackalloc char[64];
        if (bytes.Length > chars.Length)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var name = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (!lookup.TryGetValue(name, out var code))
        {
            code = name.ToString();
            lookup[name] = code;
        }

        return code;
    }

    public readonly DateTimeOffset Instant(int i) => new(raw.sqlite3_column_int64(statement, i), TimeSpan.Zero);

    /// <summary>Runs the facts query on an open connection and builds the facts of its rows.</summary>
    public static List<TicketFact> ReadAll(
        SqliteConnection connection, string sql, DateTimeOffset start, DateTimeOffset end, FrozenSet<string> codes, bool withoutUnit,
        Dictionary<long, IReadOnlyList<FaultKind>> faults, CancellationToken ct)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@start"), start.UtcTicks));
            Check(handle, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@end"), end.UtcTicks));
            var units = codes.ToDictionary(c => c, c => c, StringComparer.Ordinal);
            var row = new SqliteRow(statement, units);
            var facts = new List<TicketFact>();
            int rc;
            for (var n = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
            {
                if ((n & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                if (FactRows.Build(ref row, codes, withoutUnit, faults) is { } fact)
                {
                    facts.Add(fact);
                }
            }

            Check(handle, rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return facts;
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
        }
    }
}
