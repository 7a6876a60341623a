using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Jobs.Urgent;

/// <summary>
/// 重大特急件: alerts the staff on duty today (值班表, any hour, weekends and holidays included) about each new urgent
/// ticket, or the centre admins when the roster names no one (seed 004: no one on duty is a fault). Once per ticket.
/// </summary>
public sealed class AlertUrgentTickets(SunshineDbContext db, JobMarks marks, StaffNotices notices, WorkingDayCalendar calendar, TimeProvider clock)
{
    /// <summary>Urgent tickets older than this when first seen (e.g. at the first start) are not alerted.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    public static string MarkKey(string number) => $"urgent:{number}";

    /// <summary>Returns the tickets alerted in this pass.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - Lookback;
        var urgent = await db.Tickets.AsNoTracking()
            .Where(t => t.Severity == Severity.Urgent && t.ReceivedAt >= since
                && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn && t.Status != TicketStatus.Duplicate)
            .OrderBy(t => t.Id).ToListAsync(ct);
        var alerted = new List<string>();
        foreach (var ticket in urgent)
        {
            var key = MarkKey(ticket.Number);
            if (await marks.ExistsAsync(key, ct))
            {
                continue;
            }

            var received = calendar.ToLocal(ticket.ReceivedAt).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
            var summary = ticket.Description.Length <= 60 ? ticket.Description : ticket.Description[..60] + "…";
            var text = $"【重大特急件】{ticket.Number}（{Labels.Of(ticket.Kind)}，{received}受理）：{summary} 请立即处置。";
            notices.Add(key, "urgent", ticket.Number, text, await notices.OnDutyAsync(calendar.LocalDate(now), ct));
            marks.Add(key);
            if (await marks.SaveAsync(ct))
            {
                alerted.Add(ticket.Number);
            }
        }

        return alerted;
    }
}
