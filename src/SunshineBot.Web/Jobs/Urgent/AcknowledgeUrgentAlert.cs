using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Jobs.Urgent;

/// <summary>
/// 确认收到: someone who got the latest urgent alert (or a centre admin) confirms it, once per alert; the confirmation is a
/// timeline note and stops the escalation (<see cref="AlertUrgentTickets.EscalateUnacknowledgedAsync"/>).
/// </summary>
public sealed class AcknowledgeUrgentAlert(SunshineDbContext db, JobMarks marks, AlertUrgentTickets alerts, StaffAccess access, TimeProvider clock)
{
    public async Task RunAsync(StaffMember member, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        number = (number ?? "").Trim().ToUpperInvariant();
        // The latest alert is the one to acknowledge: after a dispatch, the new unit's.
        var alert = await alerts.LatestAlertAsync(number, ct);
        var noticeKey = alert is null ? "" : $"{AlertUrgentTickets.MarkKey(alert)}:{member.UserName}";
        if (!await db.StaffNotifications.AnyAsync(n => n.Key == noticeKey, ct))
        {
            // Not alerted: only an admin who can see the ticket (outside the scope it does not exist).
            await access.LoadTicketAsync(member, number, ct);
            if (!member.IsAdmin)
            {
                throw new StaffForbiddenException("只有收到重大特急件提醒的值班人员或中心管理员可以确认。");
            }
        }

        if (alert is null)
        {
            throw new DomainException("这件工单没有待确认的重大特急件提醒。");
        }

        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
        if (await marks.ExistsAsync(AlertUrgentTickets.AckKey(alert), ct))
        {
            var by = ticket.Events.LastOrDefault(e => e.Action == TicketAction.AddNote && e.Note == AckNote);
            throw new DomainException(by is null ? "这条提醒已经确认过了。" : $"这条提醒已由{by.ActorName}确认过了。");
        }

        var now = clock.GetUtcNow();
        ticket.AddNote(member.Actor, now, AckNote);
        marks.Add(AlertUrgentTickets.AckKey(alert));
        if (!await marks.SaveAsync(ct))
        {
            throw new DomainException("这条提醒刚刚已由其他人确认。");
        }

        await db.StaffNotifications.Where(n => n.UserName == member.UserName && n.TicketNumber == number && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public const string AckNote = "已确认收到重大特急件提醒";
}
