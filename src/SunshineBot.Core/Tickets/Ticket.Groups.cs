namespace SunshineBot.Core.Tickets;

/// <summary>
/// Groups of similar complaints (归并同类诉求): tickets from different parents about one matter, named by the number of
/// the group's first ticket. A group is one matter where the rule books count matters.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>
    /// This ticket joins the group <paramref name="groupNumber"/> (the number of the group's first ticket; the first
    /// ticket names itself). A ticket belongs to one group; moving it to another is refused.
    /// </summary>
    public void LinkToGroup(Actor actor, DateTimeOffset at, string groupNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupNumber);
        if (GroupNumber is not null)
        {
            if (string.Equals(GroupNumber, groupNumber, StringComparison.Ordinal))
            {
                return;
            }

            throw new DomainException($"工单 {Number} 已归入同类诉求组 {GroupNumber}，不能再归入 {groupNumber}。");
        }

        var to = Move(TicketAction.LinkGroup);
        GroupNumber = groupNumber;
        Append(actor, at, TicketAction.LinkGroup, to, string.Equals(groupNumber, Number, StringComparison.Ordinal)
            ? "作为同类诉求组的首件"
            : $"归入同类诉求组 {groupNumber}");
    }

    /// <summary>
    /// 解除归并: this ticket leaves its group and is one matter of its own again. What that does to the rest of the
    /// group (a new first ticket, or no group left) is <see cref="FollowGroupChange"/>, decided by the caller who sees them all.
    /// </summary>
    public void UnlinkFromGroup(Actor actor, DateTimeOffset at, string? reason)
    {
        var to = Move(TicketAction.UnlinkGroup);
        var group = GroupNumber ?? throw new DomainException($"工单 {Number} 没有归入同类诉求组，无需解除。");
        var why = Optional(reason, 500);
        GroupNumber = null;
        Append(actor, at, TicketAction.UnlinkGroup, to, why is null ? $"退出同类诉求组 {group}" : $"退出同类诉求组 {group}：{why}");
    }

    /// <summary>
    /// Another ticket left this ticket's group: the group is now named <paramref name="newGroupNumber"/> (its first
    /// ticket left), or is gone (null: this ticket was the last one left with it). Recorded on this ticket's timeline in
    /// any state, since it is the consequence of an action taken on another ticket.
    /// </summary>
    public void FollowGroupChange(Actor actor, DateTimeOffset at, string leftNumber, string? newGroupNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leftNumber);
        var group = GroupNumber ?? throw new DomainException($"工单 {Number} 没有归入同类诉求组。");
        GroupNumber = newGroupNumber;
        if (newGroupNumber is null)
        {
            Append(actor, at, TicketAction.UnlinkGroup, Status, $"{leftNumber} 退出后，同类诉求组 {group} 只剩本件，归并随之解除");
        }
        else
        {
            Append(actor, at, TicketAction.LinkGroup, Status, $"首件 {leftNumber} 退出，同类诉求组 {group} 改以 {newGroupNumber} 为首件");
        }
    }
}
