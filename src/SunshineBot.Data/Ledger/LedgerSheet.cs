using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Ledger;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Ledger;

/// <summary>The two file kinds a ledger comes in.</summary>
public enum LedgerFileKind
{
    Csv,
    Xlsx,
}

/// <summary>Turns tickets into ledger lines (their urge times and unit names read here) and lines into a file.</summary>
public static class LedgerSheet
{
    private const int Chunk = 500;

    public static async Task<List<string[]>> RowsAsync(
        SunshineDbContext db, IReadOnlyList<Ticket> tickets, WorkingDayCalendar calendar, Func<Ticket, string?, string> text, bool masked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tickets);
        var codes = tickets.SelectMany(t => new[] { t.HandlingUnitCode, t.ReceivingUnitCode }).OfType<string>().Distinct().ToArray();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in codes.Chunk(Chunk))
        {
            foreach (var u in await db.Units.AsNoTracking().Where(u => part.Contains(u.Code)).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            {
                names[u.Code] = u.Name;
            }
        }

        var urges = new Dictionary<long, List<DateTimeOffset>>();
        foreach (var part in tickets.Where(t => t.UrgeCount > 0).Select(t => t.Id).Chunk(Chunk))
        {
            var events = await db.TicketEvents.AsNoTracking()
                .Where(e => e.Action == TicketAction.Urge && part.Contains(e.TicketId))
                .Select(e => new { e.TicketId, e.At }).ToListAsync(ct);
            foreach (var e in events)
            {
                (urges.TryGetValue(e.TicketId, out var list) ? list : urges[e.TicketId] = []).Add(e.At);
            }
        }

        var format = new LedgerFormat(calendar, code => names.GetValueOrDefault(code, code), text, masked);
        return tickets.Select(t => LedgerRows.Of(t, urges.GetValueOrDefault(t.Id) ?? [], format)).ToList();
    }

    public static byte[] Write(LedgerFileKind kind, IEnumerable<IReadOnlyList<string>> rows) =>
        kind == LedgerFileKind.Xlsx ? LedgerXlsx.Write(LedgerColumns.All, rows) : LedgerCsv.Write(LedgerColumns.All, rows);

    public static string Extension(LedgerFileKind kind) => kind == LedgerFileKind.Xlsx ? "xlsx" : "csv";

    public static string ContentType(LedgerFileKind kind) => kind == LedgerFileKind.Xlsx ? LedgerXlsx.ContentType : "text/csv; charset=utf-8";
}
