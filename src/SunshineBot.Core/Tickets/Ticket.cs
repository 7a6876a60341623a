using SunshineBot.Core.Deadlines;

namespace SunshineBot.Core.Tickets;

/// <summary>
/// 工单: one case with every field of the intake form (seed 001, annex 2). State changes only through the
/// workflow methods (see Ticket.Workflow.cs); each appends an immutable <see cref="TicketEvent"/>.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<TicketEvent> _events = [];
    private readonly List<TicketAttachment> _attachments = [];

    private Ticket()
    {
        Number = "";
        Description = "";
    }

    public long Id { get; private set; }

    /// <summary>Human-friendly, date-sortable number, e.g. YG20261122-0017.</summary>
    public string Number { get; private set; }

    public TicketKind Kind { get; private set; }

    public Severity Severity { get; private set; }

    public Channel Channel { get; private set; }

    public TicketCategory Category { get; private set; }

    public TicketStatus Status { get; private set; }

    /// <summary>来访人姓名; null for anonymous reports.</summary>
    public string? VisitorName { get; private set; }

    public string? VisitorPhone { get; private set; }

    public bool Anonymous { get; private set; }

    public bool Confidential { get; private set; }

    /// <summary>Channel identity of the filer (WeChat OpenID, web-chat device id).</summary>
    public string? FiledBy { get; private set; }

    /// <summary>The external platform a ticket came from (the <c>Integrations:{name}</c> name, e.g. "12345").</summary>
    public string? ExternalSource { get; private set; }

    /// <summary>The ticket's number on <see cref="ExternalSource"/> (the 12345 hotline's own 工单编号).</summary>
    public string? ExternalNumber { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>受理部门.</summary>
    public string? ReceivingUnitCode { get; private set; }

    /// <summary>受理人.</summary>
    public string? ReceivedBy { get; private set; }

    /// <summary>办理部门: the unit the ticket is dispatched to.</summary>
    public string? HandlingUnitCode { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>The limit for the official reply (the one units are scored on).</summary>
    public DateTimeOffset FirstReplyDueAt { get; private set; }

    /// <summary>办结时限: the limit for resolution.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>问题描述.</summary>
    public string Description { get; private set; }

    public string? SchoolName { get; private set; }

    public string? SchoolUnitCode { get; private set; }

    public decimal? FeeAmount { get; private set; }

    public DateOnly? IncidentDate { get; private set; }

    /// <summary>拟办意见.</summary>
    public string? ProposedAction { get; private set; }

    /// <summary>领导批示.</summary>
    public string? LeaderInstruction { get; private set; }

    /// <summary>The official reply (draft while pending review).</summary>
    public string? ReplyText { get; private set; }

    public string? RepliedBy { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>
    /// The first round's reply time and limit, kept when the ticket is first sent back (发回重办 resets the limits and the
    /// next reply overwrites <see cref="RepliedAt"/>): "replied on time" is judged on the first round. Null while the
    /// ticket was never sent back.
    /// </summary>
    public DateTimeOffset? FirstRoundRepliedAt { get; private set; }

    public DateTimeOffset? FirstRoundReplyDueAt { get; private set; }

    /// <summary>When the parent could first see the current reply (approval, or the reply itself when no review).</summary>
    public DateTimeOffset? ReplyPublishedAt { get; private set; }

    /// <summary>回访情况.</summary>
    public string? RevisitRecord { get; private set; }

    /// <summary>The unit scored by the revisit: the handling unit when the revisit started.</summary>
    public string? RevisitUnitCode { get; private set; }

    /// <summary>重办原因.</summary>
    public string? RedoReason { get; private set; }

    /// <summary>满意情况.</summary>
    public Satisfaction? Satisfaction { get; private set; }

    /// <summary>处理结果.</summary>
    public string? Result { get; private set; }

    public int RedoCount { get; private set; }

    public int UrgeCount { get; private set; }

    public string? DuplicateOfNumber { get; private set; }

    /// <summary>
    /// The group of similar complaints this ticket was linked into: the number of the group's first ticket (that
    /// ticket carries its own number). Null when not linked. A group is one matter where the rule books count matters.
    /// </summary>
    public string? GroupNumber { get; private set; }

    public string? ExtensionReason { get; private set; }

    public int? ExtensionWorkingDays { get; private set; }

    /// <summary>True when the pending extension reason came after the window (3 working days of dispatch).</summary>
    public bool ExtensionFiledLate { get; private set; }

    /// <summary>Optimistic-concurrency version, raised by the persistence layer on every save.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TicketEvent> Events => _events;

    public IReadOnlyList<TicketAttachment> Attachments => _attachments;

    /// <summary>Not closed, withdrawn or merged as a duplicate.</summary>
    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Waiting for the handling unit's reply (the stretch units are scored on).</summary>
    public bool IsAwaitingReply => Status is TicketStatus.Received or TicketStatus.Dispatched or TicketStatus.PendingReview;

    /// <summary>The limit that applies now: the reply limit while awaiting a reply, then the resolution limit.</summary>
    public DateTimeOffset? CurrentDueAt => CurrentDueAtOf(Status, FirstReplyDueAt, DueAt);

    /// <summary>The own deadline of an open 督办件 / 专题协调件 (<see cref="FlagCase"/>), watched beside the other limits.</summary>
    public DateTimeOffset? SupervisionDueAt => SupervisionDueAtOf(Status, Flag, FlagDueAt);

    /// <summary>A status that still owes something (not closed, withdrawn or a duplicate).</summary>
    public static bool IsOpenStatus(TicketStatus status) => status is not (TicketStatus.Closed or TicketStatus.Withdrawn or TicketStatus.Duplicate);

    /// <summary><see cref="CurrentDueAt"/> from the stored columns alone (the queue reads those, not whole tickets).</summary>
    public static DateTimeOffset? CurrentDueAtOf(TicketStatus status, DateTimeOffset firstReplyDueAt, DateTimeOffset dueAt) =>
        !IsOpenStatus(status) ? null
        : status is TicketStatus.Received or TicketStatus.Dispatched or TicketStatus.PendingReview ? firstReplyDueAt
        : dueAt;

    /// <summary><see cref="SupervisionDueAt"/> from the stored columns alone.</summary>
    public static DateTimeOffset? SupervisionDueAtOf(TicketStatus status, CaseFlag? flag, DateTimeOffset? flagDueAt) =>
        IsOpenStatus(status) && flag is not null ? flagDueAt : null;

    /// <summary>受理: creates the ticket in <see cref="TicketStatus.Received"/> with its limits from the policy.</summary>
    public static Ticket Receive(TicketIntake intake, string number, Actor actor, DateTimeOffset at, DeadlinePolicy deadlines)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var description = Require(intake.Description, "问题描述", TicketIntake.MaxDescriptionLength);
        if (intake.Anonymous && intake.Kind != TicketKind.Report)
        {
            throw new DomainException("只有举报可以匿名提交。");
        }

        var phone = intake.VisitorPhone is { Length: > 0 } raw ? ContactInfo.NormalizePhone(raw) : null;
        if (phone is not null && !ContactInfo.IsPhone(phone))
        {
            throw new DomainException("联系电话格式不正确，请填写11位手机号或带区号的固定电话。");
        }

        if (!intake.Anonymous && phone is null && intake.FiledBy is null)
        {
            throw new DomainException("实名提交需要联系电话，以便答复和回访。");
        }

        var (firstReplyDue, resolutionDue) = deadlines.LimitsFrom(intake.Kind, intake.Severity, at);
        var ticket = new Ticket
        {
            Number = number,
            Kind = intake.Kind,
            Severity = intake.Severity,
            Channel = intake.Channel,
            Category = intake.Category,
            Status = TicketStatus.Received,
            Description = description,
            VisitorName = intake.Anonymous ? null : Optional(intake.VisitorName, 50),
            VisitorPhone = phone,
            Anonymous = intake.Anonymous,
            Confidential = intake.Confidential || intake.Kind is TicketKind.Report,
            FiledBy = intake.FiledBy,
            ExternalSource = Optional(intake.ExternalSource, TicketIntake.MaxExternalLength),
            ExternalNumber = Optional(intake.ExternalNumber, TicketIntake.MaxExternalLength),
            ReceivedAt = at,
            ReceivingUnitCode = intake.ReceivingUnitCode,
            ReceivedBy = actor.Name,
            SchoolName = Optional(intake.SchoolName, 100),
            SchoolUnitCode = intake.SchoolUnitCode,
            FeeAmount = intake.FeeAmount is < 0 ? throw new DomainException("金额不能为负数。") : intake.FeeAmount,
            IncidentDate = intake.IncidentDate,
            FirstReplyDueAt = firstReplyDue,
            DueAt = resolutionDue,
        };
        ticket.FirstReplyDueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, at, firstReplyDue);
        ticket.DueEstimatedAfter = CalendarEstimate.MarkOf(deadlines.Calendar, at, resolutionDue);
        ticket.Append(actor, at, TicketAction.Receive, TicketStatus.Received, $"{Labels.Of(intake.Kind)} · {Labels.Of(intake.Severity)} · {Labels.Of(intake.Channel)}");
        return ticket;
    }

    private void Append(Actor actor, DateTimeOffset at, TicketAction action, TicketStatus to, string? note)
    {
        var from = _events.Count == 0 ? TicketStatus.Received : Status;
        _events.Add(new TicketEvent(_events.Count + 1, at, actor.Id, actor.Name, action, from, to, note));
        Status = to;
    }

    private static string Require(string? text, string field, int maxLength) =>
        Optional(text, maxLength) ?? throw new DomainException($"{field}不能为空。");

    private static string? Optional(string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException($"内容过长（最多{maxLength}字）。");
    }
}
