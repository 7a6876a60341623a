using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Data.Seed;

/// <summary>
/// Writes many tickets with their events fast: prepared INSERTs in large transactions, columns and value conversions
/// taken from the EF model (so the rows are exactly what EF would write), ids handed out here so events need no
/// round trip; names and phones sealed with the context's <see cref="ContactProtection"/>. For synthetic data (<c>sunshinebot dev seed</c>) and benchmarks; live code saves through EF.
/// </summary>
public sealed class BulkTicketWriter : IAsyncDisposable
{
    private readonly SunshineDbContext _db;
    private readonly Table _tickets;
    private readonly Table _events;
    private long _nextId;
    private IDbContextTransaction? _transaction;

    private BulkTicketWriter(SunshineDbContext db, long nextId)
    {
        _db = db;
        _nextId = nextId;
        _tickets = new Table(db.Model.FindEntityType(typeof(Ticket))!, includeKey: true);
        _events = new Table(db.Model.FindEntityType(typeof(TicketEvent))!, includeKey: false);
    }

    public static async Task<BulkTicketWriter> OpenAsync(SunshineDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqlite)
        {
            // Synthetic data: a crash mid-seed just means seeding again.
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF;", ct);
        }

        var max = await db.Tickets.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        return new BulkTicketWriter(db, max + 1);
    }

    public async Task WriteAsync(IReadOnlyList<Ticket> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _transaction = await _db.Database.BeginTransactionAsync(ct);
        var connection = _db.Database.GetDbConnection();
        var tx = _transaction.GetDbTransaction();
        await using var ticketInsert = _tickets.Prepare(connection, tx);
        await using var eventInsert = _events.Prepare(connection, tx);
        var seq = batch.Count == 0 ? 0 : await TicketChanges.ReserveAsync(connection, tx, batch.Count, ct) - batch.Count + 1;
        foreach (var ticket in batch)
        {
            var id = _nextId++;
            var changeSeq = seq++;
            _tickets.Bind(ticketInsert, ticket, ("Id", id), (property, entity) =>
                property == TicketChanges.ChangeSeq ? (object?)changeSeq : SealedContact(property, entity));
            await ticketInsert.ExecuteNonQueryAsync(ct);
            foreach (var e in ticket.Events)
            {
                _events.Bind(eventInsert, e, ("TicketId", id), null);
                await eventInsert.ExecuteNonQueryAsync(ct);
            }
        }

        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    // The name and phone are written sealed with the phone's blind index, as SunshineDbContext saves them.
    private object? SealedContact(string property, object entity)
    {
        var ticket = (Ticket)entity;
        return property switch
        {
            TicketContacts.SealedName => ticket.VisitorName is { } name ? _db.Contacts.Seal(name) : null,
            TicketContacts.SealedPhone => ticket.VisitorPhone is { } phone ? _db.Contacts.Seal(phone) : null,
            TicketContacts.PhoneIndex => ticket.VisitorPhone is { } phone ? _db.Contacts.Index(phone) : null,
            _ => null,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }

    private sealed class Table
    {
        private readonly string _sql;
        private readonly List<(IProperty Property, string Column)> _columns;

        public Table(IEntityType type, bool includeKey)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            _columns = type.GetProperties()
                .Where(p => includeKey || !p.IsPrimaryKey())
                .Select(p => (p, p.GetColumnName(table)!))
                .ToList();
            var names = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
            var values = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
            _sql = $"INSERT INTO \"{type.GetTableName()}\" ({names}) VALUES ({values});";
        }

        public DbCommand Prepare(DbConnection connection, DbTransaction transaction)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = _sql;
            for (var i = 0; i < _columns.Count; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = $"@p{i}";
                p.Value = DBNull.Value;
                cmd.Parameters.Add(p);
            }

            cmd.Prepare();
            return cmd;
        }

        /// <summary>Sets every parameter from the entity through the model's converters; <paramref name="fixedValue"/> overrides one column.</summary>
        public void Bind(DbCommand cmd, object entity, (string Property, long Value) fixedValue, Func<string, object, object?>? shadow)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                var property = _columns[i].Property;
                // A shadow property has no CLR value: the sealed contact and the change sequence come from `shadow`; tickets.AnonymisedAt,
                // set by the retention job, stays empty on a new ticket.
                object? value = property.Name == fixedValue.Property ? fixedValue.Value
                    : property.IsShadowProperty() ? shadow?.Invoke(property.Name, entity)
                    : property.GetGetter().GetClrValue(entity);
                if (value is not null && property.GetTypeMapping().Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                cmd.Parameters[i].Value = value ?? DBNull.Value;
            }
        }
    }
}
