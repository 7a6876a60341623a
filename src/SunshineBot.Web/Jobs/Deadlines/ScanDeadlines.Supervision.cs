using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>
/// A supervision case's own deadline (督办件 / 专题协调件, seed 004 Ⅲ-5), watched like the resolution limit: due soon on a
/// working day → a reminder to the handling unit and its supervising centre; the first check past it → a system 催办
/// when the state allows one, else a timeline note, with a notice to both; each further working day late → a note.
/// When the deadline is the same instant as the reply limit still awaited, or the resolution limit, that watch alone
/// speaks. Keys carry the deadline, so flagging again with a new one starts afresh.
/// </summary>
public sealed partial class ScanDeadlines
{
    private async Task<DeadlineScanResult> CheckSupervisionAsync(Ticket ticket, DateTimeOffset now, DeadlineScanResult result, CancellationToken ct)
    {
        var state = deadlines.EvaluateSupervision(ticket, now);
        var unit = ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode;
        if (state.DueAt is not { } dueAt || unit is null || dueAt == ticket.DueAt || (ticket.IsAwaitingReply && dueAt == ticket.FirstReplyDueAt))
        {
            return result;
        }

        var label = ticket.Flag == CaseFlag.Coordination ? "专题协调件" : "督办件";
        var limit = $"{ticket.Number}:{dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var dueText = calendar.ToLocal(dueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (state.IsDueSoon && calendar.IsWorkingDay(calendar.LocalDate(now)) && !await marks.ExistsAsync("supervision-due-soon:" + limit, ct))
        {
            var text = $"{label} {ticket.Number} 的督办时限为 {dueText}，即将到期，请抓紧办理并报告结果。";
            await notices.AddAsync("supervision-due-soon:" + limit, "supervision-due-soon", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync("supervision-due-soon:" + limit + ":centre", "supervision-due-soon", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add("supervision-due-soon:" + limit);
            result = await marks.SaveAsync(ct) ? result with { SupervisionDueSoon = result.SupervisionDueSoon + 1 } : result;
        }

        if (!state.IsOverdue)
        {
            return result;
        }

        if (!await marks.ExistsAsync("supervision-overdue:" + limit, ct))
        {
            if (TicketWorkflow.IsAllowed(ticket.Status, TicketAction.Urge))
            {
                ticket.Urge(Actor.System, now, $"{label}已超过督办时限（{dueText}），系统自动催办");
            }
            else
            {
                ticket.AddNote(Actor.System, now, $"{label}已超过督办时限（{dueText}），系统已提醒承办单位和中心");
            }

            var text = $"{label} {ticket.Number} 已超过督办时限（{dueText}），请立即办理并报告结果。";
            await notices.AddAsync("supervision-overdue:" + limit, "supervision-overdue", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync("supervision-overdue:" + limit + ":centre", "supervision-overdue", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add("supervision-overdue:" + limit);
            if (!await marks.SaveAsync(ct))
            {
                return result;
            }

            result = result with { SupervisionOverdue = result.SupervisionOverdue + 1 };
            db.ChangeTracker.Clear();
            ticket = await db.TicketsWithHistory.SingleAsync(t => t.Id == ticket.Id, ct);
        }

        var added = 0;
        for (var day = 2; day <= state.OverdueWorkingDays; day++)
        {
            var key = $"supervision-late:{limit}:{day.ToString(CultureInfo.InvariantCulture)}";
            if (!await marks.ExistsAsync(key, ct))
            {
                ticket.AddNote(Actor.System, now, $"{label}超期第{day}个工作日（督办时限 {dueText}）");
                marks.Add(key);
                added++;
            }
        }

        return added > 0 && await marks.SaveAsync(ct) ? result with { SupervisionLateDays = result.SupervisionLateDays + added } : result;
    }
}
