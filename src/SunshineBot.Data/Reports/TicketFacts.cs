using System.Collections.Frozen;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Reports;

/// <summary>
/// The one projection query behind metrics and rubric scores: the flat facts of the tickets received in a period
/// (index on ReceivedAt), plus their fault tags in a second small query. No timeline, no text columns.
/// </summary>
/// <remarks>
/// A year of a whole tree is half a million rows at 1M tickets. EF Core's materializer spent three to four times as
/// long on them as reading the same columns straight from a <see cref="DbDataReader"/> (docs/benchmarks.md, "Reports
/// at 1M tickets"), so this one query reads the reader itself. Column and table names come from the EF model, so a
/// rename in the mapping reaches here too; values are read as the model stores them (enums by name, instants as UTC
/// ticks on SQLite and timestamptz on PostgreSQL).
/// </remarks>
public static class TicketFacts
{
    private static readonly string[] Columns =
    [
        nameof(Ticket.Id), nameof(Ticket.Number), nameof(Ticket.Kind), nameof(Ticket.Severity), nameof(Ticket.Channel),
        nameof(Ticket.Category), nameof(Ticket.Status), nameof(Ticket.HandlingUnitCode), nameof(Ticket.ReceivingUnitCode),
        nameof(Ticket.RevisitUnitCode), nameof(Ticket.ReceivedAt), nameof(Ticket.FirstReplyDueAt), nameof(Ticket.FirstRoundReplyDueAt),
        nameof(Ticket.RepliedAt), nameof(Ticket.FirstRoundRepliedAt), nameof(Ticket.DueAt), nameof(Ticket.ClosedAt), nameof(Ticket.RedoCount),
        nameof(Ticket.UrgeCount), nameof(Ticket.Satisfaction), nameof(Ticket.Finding), nameof(Ticket.ReplyFollowsTemplate),
        nameof(Ticket.ReplyHasStamp), nameof(Ticket.DispatchedAt), nameof(Ticket.AcknowledgedAt), nameof(Ticket.RedispatchCount),
    ];

    private static readonly Dictionary<string, string[]> Enums = new(StringComparer.Ordinal)
    {
        [nameof(Ticket.Kind)] = Enum.GetNames<TicketKind>(),
        [nameof(Ticket.Severity)] = Enum.GetNames<Severity>(),
        [nameof(Ticket.Channel)] = Enum.GetNames<Channel>(),
        [nameof(Ticket.Category)] = Enum.GetNames<TicketCategory>(),
        [nameof(Ticket.Status)] = Enum.GetNames<TicketStatus>(),
        [nameof(Ticket.Satisfaction)] = Enum.GetNames<Satisfaction>(),
        [nameof(Ticket.Finding)] = Enum.GetNames<Finding>(),
    };

    /// <summary>
    /// The facts of tickets received in the period that count against one of <paramref name="unitCodes"/> (the
    /// handling unit, else the receiving unit); with <paramref name="withoutUnit"/> also those with neither (chat
    /// intake not yet dispatched, which belongs to the root).
    /// </summary>
    public static async Task<List<TicketFact>> LoadAsync(
        SunshineDbContext db, IReadOnlyCollection<string> unitCodes, bool withoutUnit, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unitCodes);
        ArgumentNullException.ThrowIfNull(period);
        var codes = unitCodes.ToFrozenSet(StringComparer.Ordinal);
        var faults = await FaultsAsync(db, period, ct);
        var sql = Sql(db);
        var slices = Slices(period.Start, period.End, SeparateConnectionsWork(db) ? Parallelism : 1);
        if (slices.Length == 1)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await ReadAsync(db.Database.GetDbConnection(), sql, period.Start, period.End, codes, withoutUnit, faults, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // Each slice of the period on its own connection, at once: reading rows is CPU work on this side.
        var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection()) ?? throw new InvalidOperationException("No provider factory.");
        var connectionString = db.Database.GetConnectionString();
        var parts = await Task.WhenAll(slices.Select(slice => Task.Run(
            async () =>
            {
                await using var connection = factory.CreateConnection() ?? throw new InvalidOperationException("No connection.");
                connection.ConnectionString = connectionString;
                await connection.OpenAsync(ct);
                return await ReadAsync(connection, sql, slice.Start, slice.End, codes, withoutUnit, faults, ct);
            },
            ct)));
        var facts = new List<TicketFact>(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            facts.AddRange(part);
        }

        return facts;
    }

    /// <summary>How many slices a long period is read in at once: one per core, at most four.</summary>
    private static int Parallelism => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Periods shorter than this are read in one query: a month of a school is a few hundred rows.</summary>
    private static readonly TimeSpan ShortestSlice = TimeSpan.FromDays(14);

    /// <summary>The period cut into up to <paramref name="most"/> consecutive slices, in order.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)[] Slices(DateTimeOffset start, DateTimeOffset end, int most)
    {
        var count = (int)Math.Clamp((end - start).Ticks / ShortestSlice.Ticks, 1, most);
        var step = (end - start).Ticks / count;
        return Enumerable.Range(0, count)
            .Select(i => (start.AddTicks(step * i), i == count - 1 ? end : start.AddTicks(step * (i + 1))))
            .ToArray();
    }

    /// <summary>A second connection sees the same data, unless it is a private in-memory SQLite database.</summary>
    private static bool SeparateConnectionsWork(SunshineDbContext db)
    {
        if (!db.IsSqlite)
        {
            return true;
        }

        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        return builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } source && source != ":memory:";
    }

    private static async Task<List<TicketFact>> ReadAsync(
        DbConnection connection, string sql, DateTimeOffset start, DateTimeOffset end, FrozenSet<string> codes, bool withoutUnit,
        Dictionary<long, IReadOnlyList<FaultKind>> faults, CancellationToken ct)
    {
        if (connection is SqliteConnection direct)
        {
            return SqliteRow.ReadAll(direct, sql, start, end, codes, withoutUnit, faults, ct);
        }

        // Any other provider (PostgreSQL): enums come back as positions, instants as timestamptz.
        var facts = new List<TicketFact>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@start", start.ToUniversalTime());
        Add(command, "@end", end.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new ReaderRow(reader);
        while (await reader.ReadAsync(ct))
        {
            if (FactRows.Build(ref row, codes, withoutUnit, faults) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>Knowledge-base answers logged in the period (the whole centre: there is one knowledge base).</summary>
    public static async Task<KbFacts> LoadKbAsync(SunshineDbContext db, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var log = db.KbAnswerLog.Where(r => r.At >= period.Start && r.At < period.End);
        var counts = await log.GroupBy(_ => 1).Select(g => new
        {
            Questions = g.Count(),
            Answered = g.Count(r => r.Status == "Answered"),
            Rated = g.Count(r => r.Helpful != null),
            Unhelpful = g.Count(r => r.Helpful == false),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? KbFacts.None : new KbFacts(counts.Questions, counts.Answered, counts.Rated, counts.Unhelpful);
    }

    /// <summary>Fault tags of the period's tickets, by ticket id: few rows, through EF.</summary>
    private static async Task<Dictionary<long, IReadOnlyList<FaultKind>>> FaultsAsync(SunshineDbContext db, ReportPeriod period, CancellationToken ct)
    {
        var rows = await (from f in db.TicketFaults
                          join t in db.Tickets on f.TicketId equals t.Id
                          where t.ReceivedAt >= period.Start && t.ReceivedAt < period.End
                          orderby f.Id
                          select new { f.TicketId, f.Kind }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(f => f.TicketId).ToDictionary(g => g.Key, g => (IReadOnlyList<FaultKind>)g.Select(f => f.Kind).ToArray());
    }

    private static string Sql(SunshineDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(Ticket)) ?? throw new InvalidOperationException("Ticket is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName(table)}\"";

        // Enums are stored by name. The PostgreSQL query hands back their position, so no string is made per value;
        // on SQLite the names are read in place (SqliteRow), cheaper than SQLite comparing each against a CASE list.
        string Select(string property) => !db.IsSqlite && Enums.TryGetValue(property, out var names)
            ? $"CASE {Column(property)} {string.Concat(names.Select((n, i) => $"WHEN '{n}' THEN {i} "))}END"
            : Column(property);
        var received = Column(nameof(Ticket.ReceivedAt));
        return $"SELECT {string.Join(", ", Columns.Select(Select))} FROM \"{type.GetTableName()}\" WHERE {received} >= @start AND {received} < @end";
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
