using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Jobs.Urgent;

/// <summary>
/// 重大特急件: alerts the staff on duty now for the ticket's unit (值班表 per unit, any hour, weekends and holidays
/// included), else for the units above it up to the centre, else the centre admins (seed 004: no one on duty is a fault). Once per ticket:
/// at filing (<see cref="UrgentTicketFiledHook"/>), and by the periodic scan for anything that slipped through.
/// </summary>
public sealed class AlertUrgentTickets(SunshineDbContext db, JobMarks marks, StaffNotices notices, OnDutyStaff onDuty, WorkingDayCalendar calendar, TimeProvider clock, JobsOptions options)
{
    /// <summary>Urgent tickets older than this when first seen (e.g. at the first start) are not alerted.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    public static string MarkKey(string number) => $"urgent:{number}";

    /// <summary>Set when someone acknowledged (确认收到) the alert.</summary>
    public static string AckKey(string number) => $"urgent-ack:{number}";

    public static string EscalatedKey(string number) => $"urgent-escalated:{number}";

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
            if (await AddAsync(ticket, ct) && await marks.SaveAsync(ct))
            {
                alerted.Add(ticket.Number);
            }
        }

        await EscalateUnacknowledgedAsync(urgent.Select(t => t.Number).ToList(), now, ct);
        return alerted;
    }

    /// <summary>
    /// Alerts sent more than <see cref="JobsOptions.UrgentAckTimeout"/> ago that nobody acknowledged: once, to the
    /// centre's staff on duty and its admins, with a note on the timeline. Returns the tickets escalated.
    /// </summary>
    public async Task<IReadOnlyList<string>> EscalateUnacknowledgedAsync(IReadOnlyList<string> numbers, DateTimeOffset now, CancellationToken ct)
    {
        var escalated = new List<string>();
        var cutoff = now - options.UrgentAckTimeout;
        var keys = numbers.Select(MarkKey).ToList();
        var sent = await db.JobMarks.AsNoTracking().Where(m => keys.Contains(m.Key)).Select(m => new { m.Key, m.At }).ToListAsync(ct);
        foreach (var alert in sent.Where(m => m.At <= cutoff).OrderBy(m => m.At))
        {
            var number = alert.Key["urgent:".Length..];
            if (await marks.ExistsAsync(AckKey(number), ct) || await marks.ExistsAsync(EscalatedKey(number), ct))
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            var minutes = (int)options.UrgentAckTimeout.TotalMinutes;
            ticket.AddNote(Actor.System, now, $"重大特急件提醒发出 {minutes} 分钟仍无人确认收到，已上报服务中心");
            var text = $"【重大特急件无人确认】{number} 的提醒发出 {minutes} 分钟仍无人确认收到，请中心立即安排处置。";
            await notices.AddAsync(EscalatedKey(number), "urgent-escalated", number, text, await onDuty.CentreAsync(now, ct), ct);
            marks.Add(EscalatedKey(number));
            if (await marks.SaveAsync(ct))
            {
                escalated.Add(number);
            }
        }

        return escalated;
    }

    /// <summary>
    /// Adds the alert for one urgent ticket to the caller's unit of work (not saved): the notices and the mark that
    /// says it was sent. False when the ticket is not urgent or was alerted before.
    /// </summary>
    public async Task<bool> AddAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = MarkKey(ticket.Number);
        if (ticket.Severity != Severity.Urgent || await marks.ExistsAsync(key, ct))
        {
            return false;
        }

        var received = calendar.ToLocal(ticket.ReceivedAt).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        var summary = ticket.Description.Length <= 60 ? ticket.Description : ticket.Description[..60] + "…";
        var text = $"【重大特急件】{ticket.Number}（{Labels.Of(ticket.Kind)}，{received}受理）：{summary} 请立即处置。";
        var recipients = await onDuty.ForUnitAsync(ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode, clock.GetUtcNow(), ct);
        await notices.AddAsync(key, "urgent", ticket.Number, text, recipients, ct);
        marks.Add(key);
        return true;
    }
}

/// <summary>Alerts the roster about an urgent ticket in the transaction that files it (the scan is the safety net).</summary>
public sealed class UrgentTicketFiledHook(AlertUrgentTickets alerts) : ITicketFiledHook
{
    public Task BeforeSaveAsync(Ticket ticket, CancellationToken ct) => alerts.AddAsync(ticket, ct);
}
