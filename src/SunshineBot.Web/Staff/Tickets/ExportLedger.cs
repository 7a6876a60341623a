using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Data;
using SunshineBot.Data.Ledger;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

public sealed record LedgerFile(byte[] Content, string FileName, string ContentType, int Rows);

/// <summary>
/// 台账: the tickets the queue would show for the same filters (every page of them), one line per ticket in the
/// columns of <see cref="Core.Ledger.LedgerColumns"/>, as CSV or .xlsx. Names and phones are always masked, also in
/// free text: there is no reveal in an export. An export still takes a recent password and lands in the audit log: it
/// is the whole queue in one file. (The unmasked ledger for
/// re-import is the operator's <c>sunshinebot ledger export</c>, not a staff page.)
/// </summary>
public sealed class ExportLedger(ListTickets list, SunshineDbContext db, WorkingDayCalendar calendar, RecentPassword recent, AuditLog audit, TimeProvider clock, ILogger<ExportLedger> logger)
{
    public async Task<LedgerFile> RunAsync(StaffMember member, QueueFilter filter, LedgerFileKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        recent.Demand(member);
        var now = clock.GetUtcNow();
        var selected = await list.SelectAsync(member, filter, now, ct);
        var rows = await LedgerSheet.RowsAsync(db, selected.Select(r => r.Ticket).ToList(), calendar, FreeTextMask.Apply, masked: true, ct);
        var content = LedgerSheet.Write(kind, rows);
        var today = calendar.LocalDate(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        audit.Add(member, AuditKinds.Export, null, $"台账 {rows.Count} 条（{LedgerSheet.Extension(kind)}）");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ledger exported by staff {User}: {Rows} tickets as {Kind}", member.UserName, rows.Count, kind);
        return new LedgerFile(content, $"工单台账-{today}.{LedgerSheet.Extension(kind)}", LedgerSheet.ContentType(kind), rows.Count);
    }

    /// <summary>The <c>format</c> query value: absent or "csv" is CSV, "xlsx" the workbook; anything else is refused.</summary>
    public static LedgerFileKind? ParseKind(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => LedgerFileKind.Csv,
        "xlsx" => LedgerFileKind.Xlsx,
        _ => null,
    };
}
