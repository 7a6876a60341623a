using SunshineBot.Core.Deadlines;

namespace SunshineBot.Core.Tickets;

public sealed partial class Ticket
{
    /// <summary>交办: to a handling unit (again, to re-dispatch). The limits run from receipt.</summary>
    public void Dispatch(Actor actor, DateTimeOffset at, string unitCode, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitCode);
        var to = Move(TicketAction.Dispatch);
        NoteDispatch();
        HandlingUnitCode = unitCode;
        DispatchedAt = at;
        Append(actor, at, TicketAction.Dispatch, to, Join($"交办至 {unitCode}", Optional(note, 500)));
    }

    /// <summary>答复: the handling unit's official reply, to review first when <paramref name="requireReview"/>.</summary>
    public void Reply(Actor actor, DateTimeOffset at, string text, bool requireReview)
    {
        var body = Require(text, "答复内容", 5000);
        var to = TicketWorkflow.Next(Status, TicketAction.Reply, requireReview ? TicketStatus.PendingReview : TicketStatus.Replied);
        ReplyText = body;
        RepliedBy = actor.Name;
        RepliedAt = at;
        ReplyPublishedAt = requireReview ? null : at;
        Append(actor, at, TicketAction.Reply, to, requireReview ? "提交审核" : "答复已发布");
    }

    /// <summary>审核通过: the reply is published to the parent.</summary>
    public void Approve(Actor actor, DateTimeOffset at, string? note = null)
    {
        var to = Move(TicketAction.Approve);
        ReplyPublishedAt = at;
        Append(actor, at, TicketAction.Approve, to, Optional(note, 500));
    }

    /// <summary>审核退回: the reply goes back to the handling unit with a reason.</summary>
    public void Return(Actor actor, DateTimeOffset at, string reason)
    {
        var why = Require(reason, "退回理由", 500);
        var to = Move(TicketAction.Return);
        Append(actor, at, TicketAction.Return, to, why);
    }

    /// <summary>发起回访: the revisit scores the unit handling the ticket now, whatever happens later.</summary>
    public void StartRevisit(Actor actor, DateTimeOffset at)
    {
        var to = Move(TicketAction.StartRevisit);
        RevisitUnitCode = HandlingUnitCode;
        Append(actor, at, TicketAction.StartRevisit, to, null);
    }

    /// <summary>回访情况: the parent's satisfaction and what they said (by chat, or by phone through staff).</summary>
    public void RecordRevisit(Actor actor, DateTimeOffset at, Satisfaction satisfaction, string? record)
    {
        var to = Move(TicketAction.RecordRevisit);
        var revisitRecord = Optional(record, 1000);
        if (Status == TicketStatus.Replied)
        {
            // Recorded without StartRevisit: the revisit starts now, so it scores today's handling unit, not an earlier round's.
            RevisitUnitCode = HandlingUnitCode;
        }

        Satisfaction = satisfaction;
        RevisitRecord = revisitRecord;
        Append(actor, at, TicketAction.RecordRevisit, to, Join(Labels.Of(satisfaction), RevisitRecord));
    }

    /// <summary>办结.</summary>
    public void Close(Actor actor, DateTimeOffset at, string result)
    {
        var outcome = Require(result, "处理结果", 1000);
        var to = Move(TicketAction.Close);
        Result = outcome;
        ClosedAt = at;
        ClosedBy = actor.Name;
        Append(actor, at, TicketAction.Close, to, outcome);
    }

    /// <summary>发回重办: back to the handling unit with new limits from now; counts against the unit.</summary>
    public void SendBack(Actor actor, DateTimeOffset at, string reason, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var why = Require(reason, "重办原因", 1000);
        var to = Move(TicketAction.SendBack);
        if (RedoCount == 0)
        {
            FirstRoundRepliedAt = RepliedAt;
            FirstRoundReplyDueAt = FirstReplyDueAt;
        }

        RedoReason = why;
        RedoCount++;
        ReplyPublishedAt = null;
        // An extension still pending from before the reply was about the old limits.
        ClearExtension();
        // The redo is a new round for the same unit: its extension window runs from now, and the next revisit
        // records a fresh satisfaction (the unsatisfied one stays on the timeline).
        DispatchedAt = at;
        Satisfaction = null;
        CountLimitsFrom(at, deadlines);
        Append(actor, at, TicketAction.SendBack, to, $"第{RedoCount}次重办：{why}");
    }

    /// <summary>延期申请: a reason and the working days asked for; late when past the reason window after dispatch.</summary>
    public void RequestExtension(Actor actor, DateTimeOffset at, string reason, int workingDays, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var to = Move(TicketAction.RequestExtension);
        var why = Require(reason, "延期理由", 1000);
        if (workingDays < 1 || workingDays > deadlines.Options.MaxExtensionWorkingDays)
        {
            throw new DomainException($"延期天数应为1到{deadlines.Options.MaxExtensionWorkingDays}个工作日。");
        }

        if (ExtensionReason is not null)
        {
            throw new DomainException("已有一条延期申请等待审批。");
        }

        ExtensionReason = why;
        ExtensionWorkingDays = workingDays;
        ExtensionFiledLate = at > deadlines.ExtensionReasonDue(DispatchedAt ?? ReceivedAt);
        Append(actor, at, TicketAction.RequestExtension, to, Join($"申请延期{workingDays}个工作日：{why}", ExtensionFiledLate ? "（超过说明期限）" : null));
    }

    /// <summary>批准延期: every running limit moves by the requested working days.</summary>
    public void ApproveExtension(Actor actor, DateTimeOffset at, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var to = Move(TicketAction.ApproveExtension);
        var days = ExtensionWorkingDays ?? throw new DomainException("没有待审批的延期申请。");
        MoveLimitsBy(days, deadlines);
        ClearExtension();
        Append(actor, at, TicketAction.ApproveExtension, to, $"延期{days}个工作日");
    }

    public void RejectExtension(Actor actor, DateTimeOffset at, string reason)
    {
        var to = Move(TicketAction.RejectExtension);
        if (ExtensionWorkingDays is null)
        {
            throw new DomainException("没有待审批的延期申请。");
        }

        var why = Require(reason, "驳回理由", 500);
        ClearExtension();
        Append(actor, at, TicketAction.RejectExtension, to, why);
    }

    /// <summary>催办.</summary>
    public void Urge(Actor actor, DateTimeOffset at, string? note)
    {
        var to = Move(TicketAction.Urge);
        UrgeCount++;
        Append(actor, at, TicketAction.Urge, to, Optional(note, 500));
    }

    /// <summary>撤回: only the filer, and only before the reply is out.</summary>
    public void Withdraw(Actor actor, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var to = Move(TicketAction.Withdraw);
        if (FiledBy is null || !string.Equals(actor.Id, FiledBy, StringComparison.Ordinal))
        {
            throw new DomainException("只有提交人本人可以撤回工单。");
        }

        Append(actor, at, TicketAction.Withdraw, to, Optional(reason, 500));
    }

    /// <summary>重复件: linked to the original so the matter is counted once.</summary>
    public void MarkDuplicate(Actor actor, DateTimeOffset at, string originalNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originalNumber);
        if (string.Equals(originalNumber, Number, StringComparison.Ordinal))
        {
            throw new DomainException("不能把工单标记为自己的重复件。");
        }

        var to = Move(TicketAction.MarkDuplicate);
        DuplicateOfNumber = originalNumber;
        Append(actor, at, TicketAction.MarkDuplicate, to, $"与 {originalNumber} 重复");
    }

    public void ProposeAction(Actor actor, DateTimeOffset at, string text)
    {
        var value = Require(text, "拟办意见", 1000);
        var to = Move(TicketAction.ProposeAction);
        ProposedAction = value;
        Append(actor, at, TicketAction.ProposeAction, to, value);
    }

    public void LeaderInstruct(Actor actor, DateTimeOffset at, string text)
    {
        var value = Require(text, "领导批示", 1000);
        var to = Move(TicketAction.LeaderInstruct);
        LeaderInstruction = value;
        Append(actor, at, TicketAction.LeaderInstruct, to, value);
    }

    /// <summary>An internal note: visible to staff only, never to the parent.</summary>
    public void AddNote(Actor actor, DateTimeOffset at, string text)
    {
        var value = Require(text, "备注", 2000);
        Append(actor, at, TicketAction.AddNote, Move(TicketAction.AddNote), value);
    }

    /// <summary>Records that a staff member saw the unmasked name and phone (an audited reveal).</summary>
    public void RevealContact(Actor actor, DateTimeOffset at) =>
        Append(actor, at, TicketAction.RevealContact, Move(TicketAction.RevealContact), null);

    public void AddAttachment(Actor actor, DateTimeOffset at, TicketAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var to = Move(TicketAction.AddAttachment);
        _attachments.Add(attachment);
        Append(actor, at, TicketAction.AddAttachment, to, attachment.FileName);
    }

    private TicketStatus Move(TicketAction action) => TicketWorkflow.Next(Status, action);

    private void ClearExtension()
    {
        ExtensionReason = null;
        ExtensionWorkingDays = null;
        ExtensionFiledLate = false;
    }

    private static string? Join(string? first, string? second) =>
        (first, second) switch
        {
            (null, _) => second,
            (_, null) => first,
            _ => $"{first}；{second}",
        };
}
