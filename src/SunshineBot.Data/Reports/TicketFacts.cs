using System.Collections.Frozen;
using System.Data.Common;
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
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadAsync(db.Database.GetDbConnection(), sql, period, db.IsSqlite, codes, withoutUnit, faults, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<TicketFact>> ReadAsync(
        DbConnection connection, string sql, ReportPeriod period, bool sqlite, FrozenSet<string> codes, bool withoutUnit,
        Dictionary<long, IReadOnlyList<FaultKind>> faults, CancellationToken ct)
    {
        var facts = new List<TicketFact>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@start", sqlite ? period.Start.UtcTicks : period.Start.ToUniversalTime());
        Add(command, "@end", sqlite ? period.End.UtcTicks : period.End.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var unit = Text(reader, 7) ?? Text(reader, 8);
            if (unit is null ? !withoutUnit : !codes.Contains(unit))
            {
                continue;
            }

            // The first round's reply, as Ticket keeps it once sent back (see TicketFact.Of).
            var firstRoundDue = Instant(reader, 12, sqlite);
            facts.Add(new TicketFact(
                reader.GetString(1), Member<TicketKind>(reader, 2), Member<Severity>(reader, 3), Member<Channel>(reader, 4),
                Member<TicketCategory>(reader, 5), Member<TicketStatus>(reader, 6), unit, Text(reader, 9), Instant(reader, 10, sqlite)!.Value,
                firstRoundDue ?? Instant(reader, 11, sqlite)!.Value, firstRoundDue is null ? Instant(reader, 13, sqlite) : Instant(reader, 14, sqlite),
                Instant(reader, 15, sqlite)!.Value, Instant(reader, 16, sqlite), reader.GetInt32(17), reader.GetInt32(18),
                Optional<Satisfaction>(reader, 19), Optional<Finding>(reader, 20), Flag(reader, 21), Flag(reader, 22),
                faults.GetValueOrDefault(reader.GetInt64(0)) ?? [], Instant(reader, 23, sqlite), Instant(reader, 24, sqlite), reader.GetInt32(25)));
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

        // Enums are stored by name; the query hands back their position instead, so no string is made per value.
        string Select(string property) => Enums.TryGetValue(property, out var names)
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

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static bool? Flag(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetBoolean(i);

    private static T? Optional<T>(DbDataReader reader, int i)
        where T : struct, Enum => reader.IsDBNull(i) ? null : Names<T>.Values[reader.GetInt32(i)];

    /// <summary>A stored enum by its position (see <see cref="Sql"/>); a name the enum does not have fails loudly.</summary>
    private static T Member<T>(DbDataReader reader, int i)
        where T : struct, Enum => reader.IsDBNull(i)
            ? throw new InvalidDataException($"Ticket column {i} holds a value that is not a {typeof(T).Name}.")
            : Names<T>.Values[reader.GetInt32(i)];

    private static DateTimeOffset? Instant(DbDataReader reader, int i, bool sqlite) =>
        reader.IsDBNull(i) ? null : sqlite ? new DateTimeOffset(reader.GetInt64(i), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(i);

    /// <summary>Enum members in the order of <see cref="Enum.GetNames{TEnum}"/>, as the query numbers them.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetNames<T>().Select(Enum.Parse<T>).ToArray();
    }
}
