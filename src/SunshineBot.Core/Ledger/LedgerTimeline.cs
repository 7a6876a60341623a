using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Ledger;

/// <summary>The unit codes a ledger line's unit cells resolved to.</summary>
public sealed record LedgerUnits(string? ReceivingUnitCode, string? HandlingUnitCode, string? SchoolUnitCode);

/// <summary>
/// Replays a ledger line through the ticket's own workflow, so an imported ticket has the timeline a live one would:
/// 受理, 拟办意见 / 领导批示, 交办 (at receipt: the ledger has no dispatch time), 催办 at each time, each redo round
/// (答复, 不满意 revisit with the redo reason, 发回重办) at the reply time, the final 答复 with 答复规范 / 加盖公章, the
/// revisit, 办结, then 核实结论 and 问题标签 at the last time the line has. The
/// ledger's 办结时限 then replaces the computed limit. Throws <see cref="DomainException"/> when the workflow refuses.
/// </summary>
public static class LedgerTimeline
{
    public const string ActorId = "ledger-import";
    public const string ActorName = "台账导入";

    /// <summary>The reply text when the ledger carries none (it has 处理结果, not the letter).</summary>
    public const string NoReplyText = "（台账导入：答复原文以原台账为准）";

    public static Ticket Build(LedgerEntry e, LedgerUnits units, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(units);
        var import = new Actor(ActorId, ActorName);
        var receiver = new Actor(ActorId, e.ReceivedBy ?? ActorName);
        var intake = new TicketIntake
        {
            Kind = e.Kind,
            Severity = e.Severity,
            Channel = e.Channel,
            Category = e.Category,
            Description = e.Description,
            VisitorName = e.VisitorName,
            VisitorPhone = e.VisitorPhone,
            Anonymous = e.Anonymous,
            // Chat intake may have no phone (the parent is reached in the chat); the import keeps such tickets.
            FiledBy = e.Anonymous || e.VisitorPhone is not null ? null : $"ledger:{e.Number}",
            SchoolName = e.School,
            SchoolUnitCode = units.SchoolUnitCode,
            ReceivingUnitCode = units.ReceivingUnitCode,
        };
        var t = Ticket.Receive(intake, e.Number, receiver, e.ReceivedAt, deadlines);
        if (e.ProposedAction is { } proposed)
        {
            t.ProposeAction(receiver, e.ReceivedAt, proposed);
        }

        if (e.LeaderInstruction is { } instruction)
        {
            t.LeaderInstruct(import, e.ReceivedAt, instruction);
        }

        if (units.HandlingUnitCode is { } handling)
        {
            t.Dispatch(receiver, e.ReceivedAt, handling);
        }

        foreach (var urge in e.Urges)
        {
            t.Urge(import, urge, null);
        }

        if (e.RepliedAt is { } replied)
        {
            var text = e.Result ?? NoReplyText;
            for (var round = 0; round < e.RedoCount; round++)
            {
                // The first round at its own time when the ledger has it; the rounds between have none of their own.
                var at = round == 0 && e.FirstRepliedAt is { } first ? first : replied;
                t.Reply(import, at, text, requireReview: false);
                t.RecordRevisit(import, at, Satisfaction.Unsatisfied, e.RedoReason);
                t.SendBack(import, at, e.RedoReason ?? ActorName, deadlines);
            }

            t.Reply(import, replied, text, requireReview: false);
            if (e.ReplyConforms is not null || e.ReplyStamped is not null)
            {
                t.RecordReplyConformity(import, replied, e.ReplyConforms ?? false, e.ReplyStamped ?? false, ActorName);
            }

            if (e.Satisfaction is { } satisfaction)
            {
                t.RecordRevisit(import, e.ClosedAt ?? replied, satisfaction, e.RevisitRecord);
            }

            if (e.ClosedAt is { } closed)
            {
                t.Close(new Actor(ActorId, e.ClosedBy ?? ActorName), closed, e.Result ?? ActorName);
            }
        }

        // The ledger has no time for the centre's finding and fault tags: they are recorded at the last step it has.
        var last = e.ClosedAt ?? e.RepliedAt ?? e.ReceivedAt;
        if (e.Finding is { } finding)
        {
            t.RecordFinding(import, last, finding, ActorName);
        }

        foreach (var fault in e.FaultTags)
        {
            t.TagFault(import, last, fault, ActorName);
        }

        if (e.DueAt is { } due && due != t.DueAt)
        {
            t.RestoreDueAt(due);
        }

        return t;
    }
}
