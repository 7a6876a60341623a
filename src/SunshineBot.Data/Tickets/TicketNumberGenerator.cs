using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Tickets;

/// <summary>
/// Hands out ticket numbers from a per-day counter row. The single upsert statement is atomic on both SQLite
/// and PostgreSQL, so concurrent intakes on any number of instances never get the same number.
/// </summary>
public sealed class TicketNumberGenerator(SunshineDbContext db)
{
    public async Task<string> NextAsync(DateOnly localDay, CancellationToken ct = default)
    {
        var key = TicketNumber.Format(localDay, 1)[..10];
        // The counter is a write: a unit of work that defers its transaction begins it here, so the number rolls back with it.
        await db.EnsureWriteTransactionAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText =
                "INSERT INTO ticket_counters (day, value) VALUES (@day, 1) " +
                "ON CONFLICT (day) DO UPDATE SET value = ticket_counters.value + 1 RETURNING value;";
            var p = cmd.CreateParameter();
            p.ParameterName = "@day";
            p.Value = key;
            cmd.Parameters.Add(p);
            var value = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return TicketNumber.Format(localDay, value);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The counter row behind <see cref="TicketNumberGenerator"/>; part of the model so the schema includes it.</summary>
public sealed class TicketCounter
{
    public string Day { get; set; } = "";

    public int Value { get; set; }
}
