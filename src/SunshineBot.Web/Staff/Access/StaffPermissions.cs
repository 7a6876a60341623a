using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Access;

/// <summary>
/// What each role may do to a ticket it can see. The state machine decides separately whether the action fits the
/// ticket's state; a page offers a button only when both agree.
/// </summary>
public static class StaffPermissions
{
    private static readonly HashSet<TicketAction> HandlerActions =
        [TicketAction.Reply, TicketAction.RequestExtension, TicketAction.ProposeAction, TicketAction.AddNote, TicketAction.RevealContact,
            TicketAction.Acknowledge, TicketAction.HandBack, TicketAction.RecordVisit, TicketAction.RequestInformation];

    private static readonly HashSet<TicketAction> LeaderActions =
        [TicketAction.LeaderInstruct, TicketAction.Approve, TicketAction.Return, TicketAction.ApproveExtension, TicketAction.RejectExtension, TicketAction.AddNote, TicketAction.RevealContact];

    public static bool Can(StaffRole role, TicketAction action) => role switch
    {
        // Receive is intake; Withdraw belongs to the filer alone.
        StaffRole.CentreAdmin => action is not (TicketAction.Receive or TicketAction.Withdraw or TicketAction.AddAttachment or TicketAction.SupplyInformation),
        StaffRole.Handler => HandlerActions.Contains(action),
        StaffRole.Leader => LeaderActions.Contains(action),
        _ => false,
    };

    /// <summary>
    /// Who may unmask the name and phone. A handler may not for a confidential ticket (a report is usually about the
    /// handler's own school: the reporter must stay unknown to it); viewers never.
    /// </summary>
    public static bool CanReveal(StaffRole role, Ticket ticket) => role switch
    {
        StaffRole.CentreAdmin or StaffRole.Leader => true,
        StaffRole.Handler => !ticket.Confidential,
        _ => false,
    };

    public static bool CanFileTickets(StaffRole role) => role == StaffRole.CentreAdmin;

    public static void Demand(StaffMember member, TicketAction action)
    {
        if (!Can(member.Role, action))
        {
            throw new StaffForbiddenException($"「{StaffRoleLabels.Of(member.Role)}」不能执行「{Labels.Of(action)}」。");
        }
    }

    public static void DemandAdmin(StaffMember member)
    {
        if (!member.IsAdmin)
        {
            throw new StaffForbiddenException("只有中心管理员可以进行此操作。");
        }
    }

    /// <summary>The actions this member may take on the ticket now, in the order the page shows them.</summary>
    public static IReadOnlyList<TicketAction> Offered(StaffMember member, Ticket ticket) =>
        TicketWorkflow.AllowedActions(ticket.Status)
            .Where(a => Can(member.Role, a) && a is not TicketAction.RevealContact and not TicketAction.StartRevisit)
            .Where(a => a is not (TicketAction.ApproveExtension or TicketAction.RejectExtension) || ticket.ExtensionWorkingDays is not null)
            .Where(a => a is not TicketAction.RequestExtension || ticket.ExtensionWorkingDays is null)
            .Where(a => a is not TicketAction.Acknowledge || ticket.AcknowledgedAt is null)
            .Where(a => a is not TicketAction.RecordVisit || ticket.OnSiteVisitRequired)
            .Where(a => a is not TicketAction.SetLimit || ticket.Severity == Severity.Urgent)
            .Where(a => a is not TicketAction.RequestInformation || (ticket.InformationRequest is null && Core.Parents.ParentAddress.Of(ticket) is not null))
            .OrderBy(a => (int)a)
            .ToArray();
}
