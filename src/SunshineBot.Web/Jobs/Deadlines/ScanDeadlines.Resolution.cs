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
    private async Task<DeadlineScanResult> CheckResolutionAsync(Core.Tickets.Ticket ticket, DateTimeOffset now, DeadlineScanResult result, CancellationToken ct)
    {
        var state = deadlines.EvaluateResolution(ticket, now);
        var unit = ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode;
        if (state.DueAt is not { } dueAt || unit is null || (ticket.IsAwaitingReply && dueAt == ticket.FirstReplyDueAt))
        {
            return result;
        }

        var due = LocalText(dueAt);
        var replied = !ticket.IsAwaitingReply;
        var words = new LimitWords(
            "resolution",
            replied
                ? $"工单 {ticket.Number} 将于 {due} 到达办结时限，请抓紧落实答复事项并完成回访办结。"
                : $"工单 {ticket.Number} 将于 {due} 到达办结时限，目前仍未答复，请抓紧办理。",
            DueSoonToCentre: replied,
            $"已超过办结时限（{due}），系统自动催办",
            $"已超过办结时限（{due}），已答复但尚未办结，系统已提醒承办单位和中心",
            $"工单 {ticket.Number} 已超过办结时限（{due}），请尽快落实办结。",
            day => $"办结超期第{day}个工作日（办结时限 {due}）");
        var counts = await WatchLimitAsync(ticket, unit, state, dueAt, now, words, ct);
        return result with
        {
            ResolutionDueSoon = result.ResolutionDueSoon + counts.DueSoon,
            ResolutionOverdue = result.ResolutionOverdue + counts.Overdue,
            ResolutionLateDays = result.ResolutionLateDays + counts.LateDays,
        };
    }
}
