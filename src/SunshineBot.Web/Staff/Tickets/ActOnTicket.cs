using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// One of the ticket actions that need nothing but the domain method: the caller's role is checked here, the state
/// by the state machine. Dispatch and reply have rules of their own (<see cref="DispatchTicket"/>, <see cref="ReplyToTicket"/>).
/// </summary>
public sealed record TicketCommand(
    TicketAction Action,
    string? Text = null,
    int? WorkingDays = null,
    Satisfaction? Satisfaction = null,
    string? OtherNumber = null,
    Finding? Finding = null,
    FaultKind? Fault = null,
    bool? FollowsTemplate = null,
    bool? HasStamp = null);

public sealed class ActOnTicket(
    StaffAccess access,
    SunshineDbContext db,
    DeadlinePolicy deadlines,
    RecordRevisit recordRevisit,
    IParentNotifier notifier,
    RecordPublishedReply recordPublished,
    TimeProvider clock,
    ILogger<ActOnTicket> logger)
{
    public async Task<Ticket> RunAsync(StaffMember member, string number, TicketCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        StaffPermissions.Demand(member, command.Action);
        var ticket = await access.LoadTicketAsync(member, number, ct);
        var now = clock.GetUtcNow();
        var who = member.Actor;
        var text = command.Text ?? "";
        switch (command.Action)
        {
            case TicketAction.ProposeAction: ticket.ProposeAction(who, now, text); break;
            case TicketAction.LeaderInstruct: ticket.LeaderInstruct(who, now, text); break;
            case TicketAction.Approve:
                ticket.Approve(who, now, command.Text);
                await recordPublished.RunAsync(ticket, ct);
                break;
            case TicketAction.Return: ticket.Return(who, now, text); break;
            case TicketAction.StartRevisit: ticket.StartRevisit(who, now); break;
            case TicketAction.RecordRevisit:
                // The same rule as the chat's revisit: 不满意 sends it back, a second time escalates.
                recordRevisit.Run(ticket, who, now, new RevisitAnswer(command.Satisfaction ?? throw new DomainException("请选择满意情况。"), command.Text));
                break;
            case TicketAction.Close: ticket.Close(who, now, text); break;
            case TicketAction.SendBack: ticket.SendBack(who, now, text, deadlines); break;
            case TicketAction.RequestExtension:
                ticket.RequestExtension(who, now, text, command.WorkingDays ?? throw new DomainException("请填写延期的工作日天数。"), deadlines);
                break;
            case TicketAction.ApproveExtension: ticket.ApproveExtension(who, now, deadlines); break;
            case TicketAction.RejectExtension: ticket.RejectExtension(who, now, text); break;
            case TicketAction.Urge: ticket.Urge(who, now, command.Text); break;
            case TicketAction.MarkDuplicate: await MarkDuplicateAsync(member, ticket, command.OtherNumber, now, ct); break;
            case TicketAction.LinkGroup: await LinkGroupAsync(member, ticket, command.OtherNumber, now, ct); break;
            case TicketAction.UnlinkGroup: await UnlinkGroupAsync(member, ticket, command.Text, now, ct); break;
            case TicketAction.AddNote: ticket.AddNote(who, now, text); break;
            case TicketAction.RecordFinding:
                ticket.RecordFinding(who, now, command.Finding ?? throw new DomainException("请选择核实结论（属实、部分属实或不属实）。"), command.Text);
                break;
            case TicketAction.TagFault:
                ticket.TagFault(who, now, command.Fault ?? throw new DomainException("请选择问题标签。"), text);
                break;
            case TicketAction.RecordReplyConformity:
                ticket.RecordReplyConformity(
                    who, now, command.FollowsTemplate ?? throw new DomainException("请选择答复是否符合模板。"),
                    command.HasStamp ?? throw new DomainException("请选择答复是否加盖公章。"), command.Text);
                break;
            default: throw new StaffForbiddenException($"「{Labels.Of(command.Action)}」不能在这里执行。");
        }

        // The parent's copy of an approved reply is saved in the same transaction as the approval.
        var published = command.Action == TicketAction.Approve;
        if (published)
        {
            await notifier.AddReplyPublishedAsync(ticket, ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ticket {Number}: {Action} by staff {User}", ticket.Number, command.Action, member.UserName);
        if (published)
        {
            await notifier.ReplyPublishedSavedAsync(ticket, ct);
        }

        return ticket;
    }

    private async Task MarkDuplicateAsync(StaffMember member, Ticket ticket, string? original, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(original))
        {
            throw new DomainException("请填写原工单编号。");
        }

        // The original must exist and be visible to the caller: a duplicate link is never a way to probe numbers.
        var key = original.Trim().ToUpperInvariant();
        if (!await access.Tickets(member).AnyAsync(t => t.Number == key, ct))
        {
            throw new DomainException($"未找到原工单 {key}。");
        }

        ticket.MarkDuplicate(member.Actor, now, key);
    }

    /// <summary>
    /// Both tickets join one group of similar complaints: the group one of them is already in, else a new one named
    /// after the earlier ticket. Each ticket whose group changes gets a timeline event.
    /// </summary>
    private async Task LinkGroupAsync(StaffMember member, Ticket ticket, string? otherNumber, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(otherNumber))
        {
            throw new DomainException("请填写要归并的工单编号。");
        }

        var key = otherNumber.Trim().ToUpperInvariant();
        if (string.Equals(key, ticket.Number, StringComparison.Ordinal))
        {
            throw new DomainException("不能把工单与自己归并。");
        }

        Ticket other;
        try
        {
            other = await access.LoadTicketAsync(member, key, ct);
        }
        catch (StaffNotFoundException)
        {
            throw new DomainException($"未找到工单 {key}。");
        }

        var first = other.ReceivedAt < ticket.ReceivedAt ? other : ticket;
        var group = other.GroupNumber ?? ticket.GroupNumber ?? first.Number;
        foreach (var t in new[] { first, first == ticket ? other : ticket })
        {
            t.LinkToGroup(member.Actor, now, group);
        }
    }

    /// <summary>
    /// The ticket leaves its group. If it was the group's first ticket, the rest take the earliest of them as their new
    /// first; if one ticket is left alone, it is no group any more. Every ticket whose group changes gets a timeline event.
    /// </summary>
    private async Task UnlinkGroupAsync(StaffMember member, Ticket ticket, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var group = ticket.GroupNumber;
        ticket.UnlinkFromGroup(member.Actor, now, reason);
        // The rest of the group whatever the caller's scope: their group changes with this one's.
        var rest = await db.TicketsWithHistory
            .Where(t => t.GroupNumber == group && t.Id != ticket.Id)
            .OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id)
            .ToListAsync(ct);
        var newGroup = rest.Count == 1 ? null
            : string.Equals(group, ticket.Number, StringComparison.Ordinal) ? rest.FirstOrDefault()?.Number
            : group;
        if (string.Equals(newGroup, group, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var other in rest)
        {
            other.FollowGroupChange(member.Actor, now, ticket.Number, newGroup);
        }
    }
}
