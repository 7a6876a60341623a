using SunshineBot.Data;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>查看联系方式: shows the unmasked name and phone, and leaves the reveal on the timeline first.</summary>
public sealed class RevealContact(StaffAccess access, SunshineDbContext db, GetTicket get, RecentPassword recent, AuditLog audit, TimeProvider clock)
{
    public async Task<TicketDetails> RunAsync(StaffMember member, string number, CancellationToken ct)
    {
        var ticket = await access.LoadTicketAsync(member, number, ct);
        if (!StaffPermissions.CanReveal(member.Role, ticket))
        {
            throw new StaffForbiddenException(ticket.Confidential
                ? "该工单为保密件，承办人不能查看来访人身份和电话。"
                : "您的角色不能查看来访人联系方式。");
        }

        recent.Demand(member);
        ticket.RevealContact(member.Actor, clock.GetUtcNow());
        audit.Add(member, AuditKinds.Reveal, ticket.Number);
        await db.SaveChangesAsync(ct);
        return await get.DescribeAsync(member, ticket, revealed: true, ct);
    }
}
