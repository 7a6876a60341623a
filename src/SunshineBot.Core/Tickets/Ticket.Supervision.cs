namespace SunshineBot.Core.Tickets;

/// <summary>The centre's supervision facts: findings, fault tags and reply conformity. Each leaves a timeline event.</summary>
public sealed partial class Ticket
{
    private readonly List<TicketFault> _faults = [];

    /// <summary>核实结论 on a complaint or report; null until the centre records one.</summary>
    public Finding? Finding { get; private set; }

    /// <summary>答复规范: the published reply follows the reply template; null until a reply is published.</summary>
    public bool? ReplyFollowsTemplate { get; private set; }

    /// <summary>加盖公章: the published reply carried the handling unit's stamp image; null until a reply is published.</summary>
    public bool? ReplyHasStamp { get; private set; }

    public IReadOnlyList<TicketFault> Faults => _faults;

    /// <summary>核实结论: only complaints and reports are verified; a later finding replaces the earlier one (both stay on the timeline).</summary>
    public void RecordFinding(Actor actor, DateTimeOffset at, Finding finding, string? note)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var to = Move(TicketAction.RecordFinding);
        if (Kind is not (TicketKind.Complaint or TicketKind.Report))
        {
            throw new DomainException("只有投诉和举报需要记录核实结论。");
        }

        Finding = finding;
        Append(actor, at, TicketAction.RecordFinding, to, Join(Labels.Of(finding), Optional(note, 500)));
    }

    /// <summary>问题标签: a fault against the handling unit, with the reason; the tag is permanent.</summary>
    public TicketFault TagFault(Actor actor, DateTimeOffset at, FaultKind kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var why = Require(reason, "问题说明", 500);
        var to = Move(TicketAction.TagFault);
        var fault = new TicketFault(kind, HandlingUnitCode ?? ReceivingUnitCode, at, actor.Id, actor.Name, why);
        _faults.Add(fault);
        Append(actor, at, TicketAction.TagFault, to, $"{Labels.Of(kind)}：{why}");
        return fault;
    }

    /// <summary>
    /// 答复规范 / 加盖公章, recorded when a reply is published (by the system from the letter and the unit's stamp) and
    /// correctable by the centre with a note.
    /// </summary>
    public void RecordReplyConformity(Actor actor, DateTimeOffset at, bool followsTemplate, bool hasStamp, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var to = Move(TicketAction.RecordReplyConformity);
        if (ReplyText is null)
        {
            throw new DomainException("尚无答复，不能记录答复规范情况。");
        }

        ReplyFollowsTemplate = followsTemplate;
        ReplyHasStamp = hasStamp;
        var what = $"答复{(followsTemplate ? "符合" : "不符合")}模板，{(hasStamp ? "已" : "未")}加盖公章";
        Append(actor, at, TicketAction.RecordReplyConformity, to, Join(what, Optional(note, 500)));
    }
}
