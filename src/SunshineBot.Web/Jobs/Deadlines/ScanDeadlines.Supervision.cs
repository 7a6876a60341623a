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
        var due = LocalText(dueAt);
        var words = new LimitWords(
            "supervision",
            $"{label} {ticket.Number} 的督办时限为 {due}，即将到期，请抓紧办理并报告结果。",
            DueSoonToCentre: true,
            $"{label}已超过督办时限（{due}），系统自动催办",
            $"{label}已超过督办时限（{due}），系统已提醒承办单位和中心",
            $"{label} {ticket.Number} 已超过督办时限（{due}），请立即办理并报告结果。",
            day => $"{label}超期第{day}个工作日（督办时限 {due}）");
        var counts = await WatchLimitAsync(ticket, unit, state, dueAt, now, words, ct);
        return result with
        {
            SupervisionDueSoon = result.SupervisionDueSoon + counts.DueSoon,
            SupervisionOverdue = result.SupervisionOverdue + counts.Overdue,
            SupervisionLateDays = result.SupervisionLateDays + counts.LateDays,
        };
    }
}
