using SunshineBot.Core.Deadlines;

namespace SunshineBot.Core.Tickets;

/// <summary>督办件 / 专题协调件: a case the centre follows with a deadline of its own (seed 004 Ⅲ-5).</summary>
public enum CaseFlag
{
    /// <summary>督办件.</summary>
    Supervised,

    /// <summary>专题协调件.</summary>
    Coordination,
}

/// <summary>The handling unit's own steps on a dispatched ticket, and the centre's corrections and flags (issue 16).</summary>
public sealed partial class Ticket
{
    /// <summary>签收: when the handling unit signed for the current dispatch (null until then, reset on re-dispatch).</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    /// <summary>Dispatches after the first (a hand-back re-dispatched, or a move to another unit).</summary>
    public int RedispatchCount { get; private set; }

    /// <summary>退回: the last reason a unit gave for returning the ticket as not theirs.</summary>
    public string? HandBackReason { get; private set; }

    public CaseFlag? Flag { get; private set; }

    /// <summary>The supervision case's own deadline.</summary>
    public DateTimeOffset? FlagDueAt { get; private set; }

    /// <summary>The centre asked for an on-site visit; <see cref="VisitRecord"/> says what the visit found.</summary>
    public bool OnSiteVisitRequired { get; private set; }

    public string? VisitRecord { get; private set; }

    public DateTimeOffset? VisitedAt { get; private set; }

    /// <summary>Time from dispatch to acknowledgement (quick response, seed 003), when acknowledged.</summary>
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt is { } ack && DispatchedAt is { } sent ? ack - sent : null;

    /// <summary>签收: the handling unit confirms the ticket is theirs and work has started. Once per dispatch.</summary>
    public void Acknowledge(Actor actor, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var to = Move(TicketAction.Acknowledge);
        if (AcknowledgedAt is not null)
        {
            throw new DomainException("本次交办已经签收。");
        }

        AcknowledgedAt = at;
        AcknowledgedBy = actor.Name;
        Append(actor, at, TicketAction.Acknowledge, to, Optional(note, 500));
    }

    /// <summary>退回: not this unit's matter. Back to the centre to dispatch again; the reason is kept.</summary>
    public void HandBack(Actor actor, DateTimeOffset at, string reason)
    {
        var why = Require(reason, "退回理由", 500);
        var to = Move(TicketAction.HandBack);
        var unit = HandlingUnitCode;
        HandBackReason = why;
        HandlingUnitCode = null;
        AcknowledgedAt = null;
        AcknowledgedBy = null;
        Append(actor, at, TicketAction.HandBack, to, $"{unit} 退回：{why}");
    }

    /// <summary>Corrects the intake's kind, severity or category (wrongly registered), with a reason; limits follow the new kind.</summary>
    public void CorrectIntake(Actor actor, DateTimeOffset at, TicketKind? kind, Severity? severity, TicketCategory? category, string reason, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var why = Require(reason, "更正理由", 500);
        var to = Move(TicketAction.CorrectIntake);
        var changes = new List<string>();
        if (kind is { } k && k != Kind)
        {
            if (Anonymous && k != TicketKind.Report)
            {
                throw new DomainException("匿名工单只能是举报。");
            }

            changes.Add($"受理类型 {Labels.Of(Kind)}→{Labels.Of(k)}");
            Kind = k;
        }

        if (severity is { } s && s != Severity)
        {
            changes.Add($"事件级别 {Labels.Of(Severity)}→{Labels.Of(s)}");
            Severity = s;
        }

        if (category is { } c && c != Category)
        {
            changes.Add($"类别 {Labels.Of(Category)}→{Labels.Of(c)}");
            Category = c;
        }

        if (changes.Count == 0)
        {
            throw new DomainException("没有需要更正的内容。");
        }

        // A wrongly registered kind or severity had the wrong limits: recount them from receipt while the first
        // round is still open (a redo's limits run from the redo, and stay).
        if ((kind is not null || severity is not null) && RedoCount == 0 && IsAwaitingReply)
        {
            CountLimitsFrom(ReceivedAt, deadlines);
        }

        Append(actor, at, TicketAction.CorrectIntake, to, $"{string.Join("；", changes)}。理由：{why}");
    }

    /// <summary>另行有时限: an urgent ticket's own limit, in hours or working days from receipt (seed 004 Ⅲ-8).</summary>
    public void SetUrgentLimit(Actor actor, DateTimeOffset at, int? hours, int? workingDays, string? note, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var to = Move(TicketAction.SetLimit);
        if (Severity != Severity.Urgent)
        {
            throw new DomainException("只有重大特急件可以另行设定时限。");
        }

        if ((hours is null) == (workingDays is null))
        {
            throw new DomainException("请填写小时数或工作日天数（二选一）。");
        }

        var due = hours switch
        {
            { } h when h is >= 1 and <= 720 => ReceivedAt.AddHours(h),
            { } => throw new DomainException("小时数应为1到720。"),
            null when workingDays is >= 1 and <= 30 => deadlines.Calendar.AddWorkingDays(ReceivedAt, workingDays.Value),
            _ => throw new DomainException("工作日天数应为1到30。"),
        };
        FirstReplyDueAt = due;
        DueAt = due;
        FirstReplyDueEstimatedAfter = hours is null ? CalendarEstimate.MarkOf(deadlines.Calendar, ReceivedAt, due) : null;
        DueEstimatedAfter = FirstReplyDueEstimatedAfter;
        var limit = hours is { } hh ? $"{hh}小时" : $"{workingDays}个工作日";
        Append(actor, at, TicketAction.SetLimit, to, Join($"另行设定时限：受理后{limit}", Optional(note, 500)));
    }

    /// <summary>
    /// 督办 / 专题协调: flags the case with its own deadline, and whether an on-site visit is required.
    /// <paramref name="dueEstimatedAfter"/> is the deadline's mark when it was counted past the calendar's end
    /// (<see cref="CalendarEstimate.MarkOf"/>).
    /// </summary>
    public void FlagCase(Actor actor, DateTimeOffset at, CaseFlag flag, DateTimeOffset dueAt, bool onSiteVisit, string? note, DateOnly? dueEstimatedAfter = null)
    {
        var to = Move(TicketAction.FlagCase);
        if (!Enum.IsDefined(flag))
        {
            throw new DomainException("督办类型无法识别。");
        }

        if (dueAt <= at)
        {
            throw new DomainException("督办时限应晚于现在。");
        }

        Flag = flag;
        FlagDueAt = dueAt;
        FlagDueEstimatedAfter = dueEstimatedAfter;
        OnSiteVisitRequired = OnSiteVisitRequired || onSiteVisit;
        var label = flag == CaseFlag.Supervised ? "督办件" : "专题协调件";
        Append(actor, at, TicketAction.FlagCase, to, Join(onSiteVisit ? $"{label}，需现场核查" : label, Optional(note, 500)));
    }

    /// <summary>现场核查记录: what the visit found (only when the centre asked for one).</summary>
    public void RecordVisit(Actor actor, DateTimeOffset at, string record)
    {
        var text = Require(record, "现场核查记录", 2000);
        var to = Move(TicketAction.RecordVisit);
        if (!OnSiteVisitRequired)
        {
            throw new DomainException("此工单没有要求现场核查。");
        }

        VisitRecord = text;
        VisitedAt = at;
        Append(actor, at, TicketAction.RecordVisit, to, text);
    }

    // Called by Dispatch: a dispatch after the first is a re-dispatch, and the new unit signs for it afresh.
    private void NoteDispatch()
    {
        if (DispatchedAt is not null)
        {
            RedispatchCount++;
        }

        AcknowledgedAt = null;
        AcknowledgedBy = null;
    }
}
