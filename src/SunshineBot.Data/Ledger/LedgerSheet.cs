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
        // A unit is written by its name; a name two units share gets the code too, 第一小学（YGS-XC-001）, so the
        // importer finds the right one.
        var units = await db.Units.AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var shared = units.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var names = units.ToDictionary(u => u.Code, u => shared.Contains(u.Name) ? $"{u.Name}（{u.Code}）" : u.Name, StringComparer.Ordinal);

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

        var faults = new Dictionary<long, List<FaultKind>>();
        foreach (var part in tickets.Select(t => t.Id).Chunk(Chunk))
        {
            var tags = await db.TicketFaults.AsNoTracking().Where(f => part.Contains(f.TicketId))
                .OrderBy(f => f.Id).Select(f => new { f.TicketId, f.Kind }).ToListAsync(ct);
            foreach (var f in tags)
            {
                (faults.TryGetValue(f.TicketId, out var list) ? list : faults[f.TicketId] = []).Add(f.Kind);
            }
        }

        var format = new LedgerFormat(calendar, code => names.GetValueOrDefault(code, code), text, masked);
        return tickets.Select(t => LedgerRows.Of(t, urges.GetValueOrDefault(t.Id) ?? [], faults.GetValueOrDefault(t.Id) ?? [], format)).ToList();
    }

    public static byte[] Write(LedgerFileKind kind, IEnumerable<IReadOnlyList<string>> rows) =>
        kind == LedgerFileKind.Xlsx ? LedgerXlsx.Write(LedgerColumns.All, rows) : LedgerCsv.Write(LedgerColumns.All, rows);

    public static string Extension(LedgerFileKind kind) => kind == LedgerFileKind.Xlsx ? "xlsx" : "csv";

    public static string ContentType(LedgerFileKind kind) => kind == LedgerFileKind.Xlsx ? LedgerXlsx.ContentType : "text/csv; charset=utf-8";
}
