using SunshineBot.Conversations.Flows;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Parents;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// 一次性告知: one message to the parent, over the parent's own channel (web chat or WeChat, through
/// <see cref="ParentMessenger"/>), listing everything still missing. The request on the timeline, the conversation's
/// lines and the channel's rows are saved together; the parent's next answer lands on the ticket
/// (<see cref="SupplementFlow"/>). The clock follows <c>Deadlines:InformationWait</c>.
/// </summary>
public sealed class AskParentForInformation(StaffAccess access, SunshineDbContext db, ParentMessenger messenger, TimeProvider clock, ILogger<AskParentForInformation> logger)
{
    public async Task<Ticket> RunAsync(StaffMember member, string number, string? missing, CancellationToken ct)
    {
        StaffPermissions.Demand(member, TicketAction.RequestInformation);
        var ticket = await access.LoadTicketAsync(member, number, ct);
        var parent = ParentAddress.Of(ticket)
            ?? throw new DomainException("这件工单不是通过微信或网页聊天提交的，无法在线告知家长，请电话联系并记录备注。");
        var list = (missing ?? "").Trim();
        ticket.RequestInformation(member.Actor, clock.GetUtcNow(), list);
        var delivery = new ParentDelivery($"supplement:{ticket.Number}", $"您反映的事项（工单 {ticket.Number}）需要补充材料", ticket.Number);
        await messenger.StartFlowAsync(parent, "supplement", SupplementFlow.Args(ticket.Number, list), delivery, ct);
        await db.SaveChangesAsync(ct);
        messenger.Wake(parent);
        logger.LogInformation("Ticket {Number}: parent asked for missing information by staff {User}", ticket.Number, member.UserName);
        return ticket;
    }
}
