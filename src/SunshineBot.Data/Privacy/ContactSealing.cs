using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SunshineBot.Data.Privacy;

/// <summary>
/// Rewrites the stored names and phone numbers of every ticket in place: seals plain values an older release left,
/// optionally re-seals everything under the current Data Protection key, and recomputes the blind index under the
/// current <c>Privacy:BlindIndexKey</c>. Schema step 18 and <c>sunshinebot privacy reseal</c>. Runs in the caller's
/// transaction, in batches by id.
/// </summary>
public static class ContactSealing
{
    private const int BatchSize = 1000;

    /// <summary>Returns the number of tickets rewritten. <paramref name="resealAll"/>: also values already sealed (key rotation).</summary>
    public static async Task<int> RunAsync(SunshineDbContext db, bool resealAll, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rewritten = 0;
        long last = 0;
        while (true)
        {
            var batch = await ReadBatchAsync(connection, transaction, last, ct);
            if (batch.Count == 0)
            {
                return rewritten;
            }

            await using var update = Command(connection, transaction,
                "UPDATE tickets SET \"VisitorName\" = @n, \"VisitorPhone\" = @p, \"VisitorPhoneIndex\" = @i WHERE \"Id\" = @id;");
            var (name, phone, index, id) = (Parameter(update, "@n"), Parameter(update, "@p"), Parameter(update, "@i"), Parameter(update, "@id"));
            foreach (var row in batch)
            {
                var contacts = db.Contacts;
                var plainName = row.Name is null ? null : contacts.Open(row.Name);
                var plainPhone = row.Phone is null ? null : contacts.Open(row.Phone);
                name.Value = Reseal(contacts, row.Name, plainName, resealAll) ?? (object)DBNull.Value;
                phone.Value = Reseal(contacts, row.Phone, plainPhone, resealAll) ?? (object)DBNull.Value;
                index.Value = plainPhone is null ? DBNull.Value : contacts.Index(plainPhone);
                id.Value = row.Id;
                await update.ExecuteNonQueryAsync(ct);
                rewritten++;
            }

            last = batch[^1].Id;
        }
    }

    private static string? Reseal(ContactProtection contacts, string? stored, string? plain, bool resealAll) =>
        stored is null || plain is null ? null
        : resealAll || !ContactProtection.IsSealed(stored) ? contacts.Seal(plain)
        : stored;

    private static async Task<List<(long Id, string? Name, string? Phone)>> ReadBatchAsync(DbConnection connection, DbTransaction? transaction, long after, CancellationToken ct)
    {
        await using var select = Command(connection, transaction, string.Create(CultureInfo.InvariantCulture,
            $"SELECT \"Id\", \"VisitorName\", \"VisitorPhone\" FROM tickets WHERE \"Id\" > @after AND (\"VisitorName\" IS NOT NULL OR \"VisitorPhone\" IS NOT NULL) ORDER BY \"Id\" LIMIT {BatchSize};"));
        Parameter(select, "@after").Value = after;
        var rows = new List<(long, string?, string?)>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        return cmd;
    }

    private static DbParameter Parameter(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }
}
