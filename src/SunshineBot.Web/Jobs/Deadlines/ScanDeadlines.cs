using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>What one deadline pass did.</summary>
/// <param name="ResolutionDueSoon">Reminders about the resolution limit (办结时限).</param>
/// <param name="ResolutionOverdue">Tickets found past the resolution limit for the first time (催办 or, once replied, a note).</param>
/// <param name="ResolutionLateDays">Further working days late on the resolution limit, one timeline note each.</param>
/// <param name="SupervisionDueSoon">Reminders about a 督办件 / 专题协调件's own deadline; the next two likewise.</param>
public sealed record DeadlineScanResult(
    int DueSoon, int Urged, int LateDays, int ExtensionMissed, int ResolutionDueSoon = 0, int ResolutionOverdue = 0, int ResolutionLateDays = 0,
    int SupervisionDueSoon = 0, int SupervisionOverdue = 0, int SupervisionLateDays = 0);

/// <summary>
/// The deadline pass. First the reply limit, over tickets still waiting for their reply (the stretch units are scored on):
/// due soon on a working day → a reminder to the handling unit; the first overdue working day → an automatic 催办
/// (Urge by the system) and a notice to the unit and its supervising centre; each further working day late → a note on
/// the timeline (seed 004 deducts per day late); no extension reason within its window on a late ticket → flagged.
/// Every action is keyed by the limit it is about, so an extension or a redo (new limit) starts afresh.
/// Then the resolution limit ("3个工作日有回复，7个工作日要落实", seed 002) the same way over every open ticket (see
/// ScanDeadlines.Resolution.cs), and a supervision case's own deadline (ScanDeadlines.Supervision.cs).
/// </summary>
public sealed partial class ScanDeadlines(SunshineDbContext db, JobMarks marks, StaffNotices notices, DeadlinePolicy deadlines, WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<DeadlineScanResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var numbers = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.Received || t.Status == TicketStatus.Dispatched || t.Status == TicketStatus.PendingReview
                || t.Status == TicketStatus.Replied || t.Status == TicketStatus.Revisiting)
            .OrderBy(t => t.Id).Select(t => t.Number).ToListAsync(ct);
        var result = new DeadlineScanResult(0, 0, 0, 0);
        foreach (var number in numbers)
        {
            db.ChangeTracker.Clear();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            if (ticket.IsAwaitingInformation && deadlines.Options.InformationWait == InformationWaitRule.Pause)
            {
                continue; // 一次性告知: the clock stands still until the parent answers
            }

            result = await CheckAsync(ticket, now, result, ct);
            db.ChangeTracker.Clear();
            ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            result = await CheckResolutionAsync(ticket, now, result, ct);
            if (ticket.Flag is not null)
            {
                db.ChangeTracker.Clear();
                ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
                result = await CheckSupervisionAsync(ticket, now, result, ct);
            }
        }

        return result;
    }

    private async Task<DeadlineScanResult> CheckAsync(Ticket ticket, DateTimeOffset now, DeadlineScanResult result, CancellationToken ct)
    {
        var state = deadlines.EvaluateCurrent(ticket, now);
        var unit = ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode;
        if (state.DueAt is not { } dueAt || unit is null || !ticket.IsAwaitingReply)
        {
            return result;
        }

        var limit = $"{ticket.Number}:{dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var dueText = calendar.ToLocal(dueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (state.IsDueSoon && calendar.IsWorkingDay(calendar.LocalDate(now)) && !await marks.ExistsAsync("due-soon:" + limit, ct))
        {
            await notices.AddAsync("due-soon:" + limit, "due-soon", ticket.Number, $"工单 {ticket.Number} 将于 {dueText} 到期，请按时答复。", await notices.StaffOfUnitAsync(unit, ct), ct);
            marks.Add("due-soon:" + limit);
            result = await marks.SaveAsync(ct) ? result with { DueSoon = result.DueSoon + 1 } : result;
        }

        if (!state.IsOverdue)
        {
            return result;
        }

        if (!await marks.ExistsAsync("overdue:" + limit, ct))
        {
            ticket.Urge(Actor.System, now, $"已超过办理时限（{dueText}），系统自动催办");
            var text = $"工单 {ticket.Number} 已超过办理时限（{dueText}），系统已自动催办，请尽快答复。";
            await notices.AddAsync("overdue:" + limit, "overdue", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync("overdue:" + limit + ":centre", "overdue", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add("overdue:" + limit);
            if (!await marks.SaveAsync(ct))
            {
                return result;
            }

            result = result with { Urged = result.Urged + 1 };
            db.ChangeTracker.Clear();
            ticket = await db.TicketsWithHistory.SingleAsync(t => t.Id == ticket.Id, ct);
        }

        var added = 0;
        for (var day = 2; day <= state.OverdueWorkingDays; day++)
        {
            var key = $"late:{limit}:{day.ToString(CultureInfo.InvariantCulture)}";
            if (!await marks.ExistsAsync(key, ct))
            {
                ticket.AddNote(Actor.System, now, $"超期第{day}个工作日（办理时限 {dueText}）");
                marks.Add(key);
                added++;
            }
        }

        if (ExtensionReasonMissed(ticket, now) is { } window && !await marks.ExistsAsync("extension-missed:" + limit, ct))
        {
            var text = $"工单 {ticket.Number} 超期，且承办单位未在交办后{deadlines.Options.ExtensionReasonWorkingDays}个工作日内（{window}前）报送延期说明。";
            ticket.AddNote(Actor.System, now, text);
            await notices.AddAsync("extension-missed:" + limit, "late-extension", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync("extension-missed:" + limit + ":centre", "late-extension", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add("extension-missed:" + limit);
            result = result with { ExtensionMissed = result.ExtensionMissed + 1 };
        }

        return added > 0 || db.ChangeTracker.HasChanges()
            ? await marks.SaveAsync(ct) ? result with { LateDays = result.LateDays + added } : result
            : result;
    }

    // The window's end as text when it has passed on a dispatched ticket that never asked for an extension in this round.
    private string? ExtensionReasonMissed(Ticket ticket, DateTimeOffset now)
    {
        if (ticket.DispatchedAt is not { } dispatched)
        {
            return null;
        }

        var due = deadlines.ExtensionReasonDue(dispatched);
        var asked = ticket.Events.Any(e => e.Action == TicketAction.RequestExtension && e.At >= dispatched);
        return now > due && !asked ? calendar.ToLocal(due).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;
    }
}
