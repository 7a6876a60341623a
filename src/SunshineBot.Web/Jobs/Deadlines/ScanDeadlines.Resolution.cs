using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>
/// The resolution limit (办结时限): due soon on a working day → a reminder to the handling unit (and, once replied, to
/// the centre that revisits and closes); the first check past it → a system 催办 while the reply is still awaited, else a
/// timeline note, with a notice to the unit and its supervising centre; each further working day late → a note. While
/// the reply is awaited and both limits fall at the same instant (consultations, urgent tickets) the reply's watch
/// alone speaks. Keys carry the limit, so an extension or a redo starts afresh.
/// </summary>
public sealed partial class ScanDeadlines
{
    private async Task<DeadlineScanResult> CheckResolutionAsync(Ticket ticket, DateTimeOffset now, DeadlineScanResult result, CancellationToken ct)
    {
        var state = deadlines.EvaluateResolution(ticket, now);
        var unit = ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode;
        if (state.DueAt is not { } dueAt || unit is null || (ticket.IsAwaitingReply && dueAt == ticket.FirstReplyDueAt))
        {
            return result;
        }

        var limit = $"{ticket.Number}:{dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var dueText = calendar.ToLocal(dueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var replied = !ticket.IsAwaitingReply;
        if (state.IsDueSoon && calendar.IsWorkingDay(calendar.LocalDate(now)) && !await marks.ExistsAsync("resolution-due-soon:" + limit, ct))
        {
            var text = replied
                ? $"工单 {ticket.Number} 将于 {dueText} 到达办结时限，请抓紧落实答复事项并完成回访办结。"
                : $"工单 {ticket.Number} 将于 {dueText} 到达办结时限，目前仍未答复，请抓紧办理。";
            await notices.AddAsync("resolution-due-soon:" + limit, "resolution-due-soon", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            if (replied)
            {
                await notices.AddAsync("resolution-due-soon:" + limit + ":centre", "resolution-due-soon", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            }

            marks.Add("resolution-due-soon:" + limit);
            result = await marks.SaveAsync(ct) ? result with { ResolutionDueSoon = result.ResolutionDueSoon + 1 } : result;
        }

        if (!state.IsOverdue)
        {
            return result;
        }

        if (!await marks.ExistsAsync("resolution-overdue:" + limit, ct))
        {
            if (TicketWorkflow.IsAllowed(ticket.Status, TicketAction.Urge))
            {
                ticket.Urge(Actor.System, now, $"已超过办结时限（{dueText}），系统自动催办");
            }
            else
            {
                ticket.AddNote(Actor.System, now, $"已超过办结时限（{dueText}），已答复但尚未办结，系统已提醒承办单位和中心");
            }

            var text = $"工单 {ticket.Number} 已超过办结时限（{dueText}），请尽快落实办结。";
            await notices.AddAsync("resolution-overdue:" + limit, "resolution-overdue", ticket.Number, text, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync("resolution-overdue:" + limit + ":centre", "resolution-overdue", ticket.Number, text, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add("resolution-overdue:" + limit);
            if (!await marks.SaveAsync(ct))
            {
                return result;
            }

            result = result with { ResolutionOverdue = result.ResolutionOverdue + 1 };
            db.ChangeTracker.Clear();
            ticket = await db.TicketsWithHistory.SingleAsync(t => t.Id == ticket.Id, ct);
        }

        var added = 0;
        for (var day = 2; day <= state.OverdueWorkingDays; day++)
        {
            var key = $"resolution-late:{limit}:{day.ToString(CultureInfo.InvariantCulture)}";
            if (!await marks.ExistsAsync(key, ct))
            {
                ticket.AddNote(Actor.System, now, $"办结超期第{day}个工作日（办结时限 {dueText}）");
                marks.Add(key);
                added++;
            }
        }

        return added > 0 && await marks.SaveAsync(ct) ? result with { ResolutionLateDays = result.ResolutionLateDays + added } : result;
    }
}
