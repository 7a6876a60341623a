using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Jobs.Revisit;

/// <summary>What one follow-up pass did.</summary>
public sealed record RevisitFollowUpResult(int SurveysSent, int Reminders, int NotReached, int SentBackNotices);

/// <summary>
/// The revisit's periodic part: surveys whose trigger was lost (sent late rather than never), the one reminder
/// after <see cref="RevisitOptions.ReminderAfter"/>, 未回访 after <see cref="RevisitOptions.NotReachedAfterWorkingDays"/>
/// working days (recorded as NotReached and closed, so it stays out of the satisfaction denominator), and the notice
/// to the unit when a ticket came back from the revisit (发回重办; a second one escalates to the centre).
/// Only revisits the system started are followed up: one staff started by phone is theirs.
/// </summary>
public sealed class FollowUpRevisits(
    SunshineDbContext db, JobMarks marks, ParentMessages parents, StaffNotices notices, SendRevisitSurvey survey,
    RevisitOptions options, WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<RevisitFollowUpResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var surveys = 0;
        var latest = now - options.Delay;
        var due = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.Replied && t.ReplyPublishedAt != null && t.ReplyPublishedAt <= latest && t.FiledBy != null)
            .Select(t => new { t.Number, t.RedoCount }).ToListAsync(ct);
        foreach (var t in due)
        {
            surveys += await survey.RunAsync(t.Number, t.RedoCount, ct) == RevisitSurveyOutcome.Sent ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        var (reminders, notReached) = await FollowUpSurveysAsync(now, ct);
        var sentBack = await NoticeSentBackAsync(ct);
        return new RevisitFollowUpResult(surveys, reminders, notReached, sentBack);
    }

    private async Task<(int Reminders, int NotReached)> FollowUpSurveysAsync(DateTimeOffset now, CancellationToken ct)
    {
        var numbers = await db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Revisiting).Select(t => t.Number).ToListAsync(ct);
        int reminders = 0, notReached = 0;
        foreach (var number in numbers)
        {
            db.ChangeTracker.Clear();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            var started = ticket.Events.LastOrDefault(e => e.Action == TicketAction.StartRevisit);
            if (ticket.Status != TicketStatus.Revisiting || started is null || started.ActorId != Actor.System.Id)
            {
                continue;
            }

            var round = $"revisit:{number}:{ticket.RedoCount}";
            if (now >= calendar.AddWorkingDays(started.At, options.NotReachedAfterWorkingDays))
            {
                ticket.RecordRevisit(Actor.System, now, Satisfaction.NotReached, $"{options.NotReachedAfterWorkingDays}个工作日内未答复回访");
                ticket.Close(Actor.System, now, "未回访，自动办结");
                marks.Add(round + ":not-reached");
                notReached += await marks.SaveAsync(ct) ? 1 : 0;
            }
            else if (now >= started.At + options.ReminderAfter && !await marks.ExistsAsync(round + ":reminder", ct) && ParentMessages.CanReach(ticket))
            {
                marks.Add(round + ":reminder");
                try
                {
                    await parents.SayAsync(ticket, $"提醒：您反映的事项（工单 {number}）的满意度回访还在等您评价，请回复“满意”“基本满意”或“不满意”。", round + ":reminder", ct);
                    reminders++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return (reminders, notReached);
    }

    private async Task<int> NoticeSentBackAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var sentBack = await db.Tickets.AsNoTracking()
            .Where(t => t.RedoCount > 0 && (t.Status == TicketStatus.Dispatched || t.Status == TicketStatus.PendingReview) && t.HandlingUnitCode != null)
            .Select(t => new { t.Number, t.RedoCount, t.HandlingUnitCode, t.FirstReplyDueAt, t.RedoReason }).ToListAsync(ct);
        var count = 0;
        foreach (var t in sentBack)
        {
            var key = $"sent-back:{t.Number}:{t.RedoCount}";
            if (await marks.ExistsAsync(key, ct))
            {
                continue;
            }

            var due = calendar.ToLocal(t.FirstReplyDueAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var text = $"工单 {t.Number} 回访不满意，已发回重办（第{t.RedoCount}次）：{t.RedoReason}。新的答复期限 {due}。";
            await notices.AddAsync(key, "sent-back", t.Number, text, await notices.StaffOfUnitAsync(t.HandlingUnitCode!, ct), ct);
            if (t.RedoCount >= 2)
            {
                await notices.AddAsync(key + ":escalated", "escalated", t.Number, $"【升级督办】{text}", await notices.SupervisorsOfAsync(t.HandlingUnitCode!, ct), ct);
            }

            marks.Add(key);
            count += await marks.SaveAsync(ct) ? 1 : 0;
        }

        return count;
    }
}
