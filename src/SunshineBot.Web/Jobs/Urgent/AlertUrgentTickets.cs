using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Jobs.Urgent;

/// <summary>
/// 重大特急件: alerts the staff on duty now for the ticket's unit (值班表 per unit, any hour, weekends and holidays
/// included), else for the units above it up to the centre, else the centre admins (seed 004: no one on duty is a fault).
/// At filing (<see cref="UrgentTicketFiledHook"/>, the periodic scan being the safety net), and again at each dispatch to
/// the unit it now goes to (<see cref="UrgentTicketDispatchedHook"/>). Each alert is acknowledged and escalated on its
/// own; the latest one is the one that counts.
/// </summary>
public sealed class AlertUrgentTickets(SunshineDbContext db, JobMarks marks, StaffNotices notices, OnDutyStaff onDuty, WorkingDayCalendar calendar, TimeProvider clock, JobsOptions options)
{
    /// <summary>Urgent tickets older than this when first seen (e.g. at the first start) are not alerted.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    private const string MarkPrefix = "urgent:";

    /// <summary>An alert's id: the number for the alert at filing, "{number}#{n}" for the one at the n-th dispatch.</summary>
    public static string AlertId(string number, int dispatch) =>
        dispatch == 0 ? number : string.Create(CultureInfo.InvariantCulture, $"{number}#{dispatch}");

    /// <summary>The mark that says the alert was sent (its notices are keyed "{mark}:{user}").</summary>
    public static string MarkKey(string alert) => MarkPrefix + alert;

    /// <summary>Set when someone acknowledged (确认收到) the alert.</summary>
    public static string AckKey(string alert) => $"urgent-ack:{alert}";

    public static string EscalatedKey(string alert) => $"urgent-escalated:{alert}";

    /// <summary>The id of the latest alert sent about the ticket, or null when none was.</summary>
    public async Task<string?> LatestAlertAsync(string number, CancellationToken ct)
    {
        var first = MarkKey(number);
        var later = first + "#";
        var keys = await db.JobMarks.AsNoTracking().Where(m => m.Key == first || m.Key.StartsWith(later)).Select(m => m.Key).ToListAsync(ct);
        return keys.Count == 0 ? null : keys.MaxBy(k => k.Length > later.Length && k.StartsWith(later, StringComparison.Ordinal)
            ? int.Parse(k.AsSpan(later.Length), NumberStyles.None, CultureInfo.InvariantCulture) : 0)![MarkPrefix.Length..];
    }

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
    /// Latest alerts sent more than <see cref="JobsOptions.UrgentAckTimeout"/> ago that nobody acknowledged: once each,
    /// to the centre's staff on duty and its admins, with a note on the timeline. Returns the tickets escalated.
    /// </summary>
    public async Task<IReadOnlyList<string>> EscalateUnacknowledgedAsync(IReadOnlyList<string> numbers, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var escalated = new List<string>();
        var cutoff = now - options.UrgentAckTimeout;
        var due = new List<(string Number, string Alert, DateTimeOffset At)>();
        foreach (var number in numbers)
        {
            if (await LatestAlertAsync(number, ct) is not { } alert)
            {
                continue;
            }

            var key = MarkKey(alert);
            var at = await db.JobMarks.AsNoTracking().Where(m => m.Key == key).Select(m => m.At).SingleAsync(ct);
            if (at <= cutoff && !await marks.ExistsAsync(AckKey(alert), ct) && !await marks.ExistsAsync(EscalatedKey(alert), ct))
            {
                due.Add((number, alert, at));
            }
        }

        foreach (var (number, alert, _) in due.OrderBy(d => d.At))
        {
            db.ChangeTracker.Clear();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            var minutes = (int)options.UrgentAckTimeout.TotalMinutes;
            ticket.AddNote(Actor.System, now, $"重大特急件提醒发出 {minutes} 分钟仍无人确认收到，已上报服务中心");
            var text = $"【重大特急件无人确认】{number} 的提醒发出 {minutes} 分钟仍无人确认收到，请中心立即安排处置。";
            await notices.AddAsync(EscalatedKey(alert), "urgent-escalated", number, text, await onDuty.CentreAsync(now, ct), ct);
            marks.Add(EscalatedKey(alert));
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
        if (ticket.Severity != Severity.Urgent || await LatestAlertAsync(ticket.Number, ct) is not null)
        {
            return false;
        }

        var received = calendar.ToLocal(ticket.ReceivedAt).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
        await AlertAsync(ticket, ticket.Number, $"（{Labels.Of(ticket.Kind)}，{received}受理）", ct);
        return true;
    }

    /// <summary>
    /// Adds the alert for an urgent ticket just dispatched (交办, or dispatched again after 退回) to the caller's unit of
    /// work: the staff on duty for the unit it now goes to hear of it, and must acknowledge it themselves.
    /// </summary>
    public async Task<bool> AddDispatchedAsync(Ticket ticket, string unitName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var alert = AlertId(ticket.Number, ticket.Events.Count(e => e.Action == TicketAction.Dispatch));
        if (ticket.Severity != Severity.Urgent || await marks.ExistsAsync(MarkKey(alert), ct))
        {
            return false;
        }

        await AlertAsync(ticket, alert, $"（{Labels.Of(ticket.Kind)}，已交办{unitName}）", ct);
        return true;
    }

    private async Task AlertAsync(Ticket ticket, string alert, string about, CancellationToken ct)
    {
        var summary = ticket.Description.Length <= 60 ? ticket.Description : ticket.Description[..60] + "…";
        var text = $"【重大特急件】{ticket.Number}{about}：{summary} 请立即处置。";
        var recipients = await onDuty.ForUnitAsync(ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode, clock.GetUtcNow(), ct);
        await notices.AddAsync(MarkKey(alert), "urgent", ticket.Number, text, recipients, ct);
        marks.Add(MarkKey(alert));
    }
}

/// <summary>Alerts the roster about an urgent ticket in the transaction that files it (the scan is the safety net).</summary>
public sealed class UrgentTicketFiledHook(AlertUrgentTickets alerts) : ITicketFiledHook
{
    public Task BeforeSaveAsync(Ticket ticket, CancellationToken ct) => alerts.AddAsync(ticket, ct);
}

/// <summary>Alerts the new unit's roster about an urgent ticket in the transaction that dispatches it.</summary>
public sealed class UrgentTicketDispatchedHook(AlertUrgentTickets alerts) : Staff.Tickets.ITicketDispatchedHook
{
    public Task BeforeSaveAsync(Ticket ticket, Core.Units.Unit unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return alerts.AddDispatchedAsync(ticket, unit.Name, ct);
    }
}
