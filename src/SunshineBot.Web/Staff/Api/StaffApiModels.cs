using System.Text.Json.Serialization;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Staff.Api;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record UnitDto(string Code, string Name, string Kind, string? ParentCode, bool Active, bool HasStamp)
{
    public static UnitDto From(Unit u) => new(u.Code, u.Name, u.Kind.ToString(), u.ParentCode, u.Active, u.StampImageRef is not null);
}

/// <summary><c>beyondCalendar</c>: the due date is in a year the calendar does not list, counted on weekends only.</summary>
public sealed record DeadlineDto(DateTimeOffset? DueAt, int WorkingDaysLeft, bool DueSoon, bool Overdue, int OverdueWorkingDays, bool BeyondCalendar)
{
    public static DeadlineDto From(DeadlineState s) => new(s.DueAt, s.WorkingDaysLeft, s.IsDueSoon, s.IsOverdue, s.OverdueWorkingDays, s.BeyondCalendar);
}

public sealed record QueueItemDto(string Number, string Kind, string Severity, string Channel, string Category, string Status, string StatusLabel, string Summary, string? SchoolName, string? HandlingUnitCode, DateTimeOffset ReceivedAt, DeadlineDto Deadline)
{
    public static QueueItemDto From(QueueItem i) =>
        new(i.Number, i.Kind.ToString(), i.Severity.ToString(), i.Channel.ToString(), i.Category.ToString(), i.Status.ToString(), Labels.Of(i.Status), i.Summary, i.SchoolName, i.HandlingUnitCode, i.ReceivedAt, DeadlineDto.From(i.Deadline));
}

/// <summary>A similar complaint (<c>GET /api/staff/tickets/{number}/similar</c>): the queue's item, its MoreLikeThis score and its group.</summary>
public sealed record SimilarTicketDto(QueueItemDto Ticket, double Score, string? GroupNumber)
{
    public static SimilarTicketDto From(Search.SimilarTicket s) => new(QueueItemDto.From(s.Ticket), s.Score, s.GroupNumber);
}

/// <summary>Body of <c>POST /api/staff/tickets/{number}/group</c>: the ticket to link into one group with this one.</summary>
public sealed record GroupBody(string? WithNumber);

public sealed record QueueDto(QueueCounts Counts, IReadOnlyList<QueueItemDto> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound = false);

public sealed record EventDto(int Sequence, DateTimeOffset At, string Actor, string Action, string ActionLabel, string From, string To, string? Note);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size);

/// <summary>
/// Every field of the intake form; the name, the phone and every free text masked unless this response is a reveal.
/// <c>deadline</c> is the limit that applies now; <c>resolution</c> is always the resolution limit (办结时限).
/// </summary>
public sealed record TicketDto(
    string Number, string Kind, string Severity, string Channel, string Category, string Status, string StatusLabel,
    string? VisitorName, string? VisitorPhone, bool ContactMasked, bool CanRevealContact, bool Anonymous, bool Confidential,
    DateTimeOffset ReceivedAt, string? ReceivingUnitCode, string? ReceivedBy, string? HandlingUnitCode, DateTimeOffset? DispatchedAt,
    DateTimeOffset FirstReplyDueAt, DateTimeOffset DueAt, DeadlineDto Deadline, DateTimeOffset? ClosedAt, string? ClosedBy,
    string Description, string? SchoolName, decimal? FeeAmount, DateOnly? IncidentDate, string? ProposedAction, string? LeaderInstruction,
    string? ReplyText, string? RepliedBy, DateTimeOffset? RepliedAt, DateTimeOffset? ReplyPublishedAt, string? RevisitRecord,
    string? RedoReason, int RedoCount, int UrgeCount, string? Satisfaction, string? Result, string? DuplicateOfNumber,
    string? ExtensionReason, int? ExtensionWorkingDays, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<EventDto> Timeline,
    string? Finding, bool? ReplyFollowsTemplate, bool? ReplyHasStamp, IReadOnlyList<FaultDto> Faults,
    string? ExternalSource, string? ExternalNumber, HandlingDto Handling, DeadlineDto Resolution, string? GroupNumber = null)
{
    public static TicketDto From(TicketDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = d.Ticket;
        return new(
            t.Number, t.Kind.ToString(), t.Severity.ToString(), t.Channel.ToString(), t.Category.ToString(), t.Status.ToString(), Labels.Of(t.Status),
            d.Contact.Name, d.Contact.Phone, d.Contact.Masked, d.Contact.CanReveal, t.Anonymous, t.Confidential,
            t.ReceivedAt, t.ReceivingUnitCode, t.ReceivedBy, t.HandlingUnitCode, t.DispatchedAt,
            t.FirstReplyDueAt, t.DueAt, DeadlineDto.From(d.Deadline), t.ClosedAt, t.ClosedBy,
            d.Description, t.SchoolName, t.FeeAmount, t.IncidentDate, d.Text(t.ProposedAction), d.Text(t.LeaderInstruction),
            d.Text(t.ReplyText), t.RepliedBy, t.RepliedAt, t.ReplyPublishedAt, d.Text(t.RevisitRecord),
            d.Text(t.RedoReason), t.RedoCount, t.UrgeCount, t.Satisfaction?.ToString(), d.Text(t.Result), t.DuplicateOfNumber,
            d.Text(t.ExtensionReason), t.ExtensionWorkingDays, d.Actions.Select(a => a.ToString()).ToArray(),
            t.Attachments.Select(a => new AttachmentDto(a.Id, d.Text(a.FileName) ?? "", a.ContentType, a.Size)).ToArray(),
            t.Events.OrderBy(e => e.Sequence).Select(e => new EventDto(e.Sequence, e.At, e.ActorName, e.Action.ToString(), Labels.Of(e.Action), e.FromStatus.ToString(), e.ToStatus.ToString(), d.Text(e.Note))).ToArray(),
            t.Finding?.ToString(), t.ReplyFollowsTemplate, t.ReplyHasStamp,
            t.Faults.OrderBy(f => f.At).Select(f => new FaultDto(f.Kind.ToString(), Labels.Of(f.Kind), f.UnitCode, f.At, f.ActorName, d.Text(f.Reason) ?? "")).ToArray(),
            t.ExternalSource, t.ExternalNumber, HandlingDto.From(d), DeadlineDto.From(d.Resolution), t.GroupNumber);
    }
}

/// <summary>
/// 签收, 退回 and supervision: <c>minutesToAcknowledge</c> from dispatch to acknowledgement (quick response);
/// 一次性告知: what the parent was asked for, when, and whether the answer is still awaited.
/// </summary>
public sealed record HandlingDto(
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, double? MinutesToAcknowledge, int RedispatchCount, string? HandBackReason,
    string? Flag, DateTimeOffset? FlagDueAt, bool OnSiteVisitRequired, string? VisitRecord, DateTimeOffset? VisitedAt,
    string? InformationRequested, DateTimeOffset? InformationRequestedAt, bool AwaitingInformation)
{
    /// <summary>Free text masked as the rest of the ticket (<see cref="TicketDetails.Text"/>).</summary>
    public static HandlingDto From(TicketDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var t = d.Ticket;
        return new(
            t.AcknowledgedAt, t.AcknowledgedBy, t.TimeToAcknowledge is { } span ? Math.Round(span.TotalMinutes, 1) : null, t.RedispatchCount, d.Text(t.HandBackReason),
            t.Flag?.ToString(), t.FlagDueAt, t.OnSiteVisitRequired, d.Text(t.VisitRecord), t.VisitedAt,
            d.Text(t.InformationRequest?.Note), t.InformationRequest?.At, t.IsAwaitingInformation);
    }
}

public sealed record FaultDto(string Kind, string KindLabel, string? UnitCode, DateTimeOffset At, string Actor, string Reason);

public sealed record FindingBody([property: JsonConverter(typeof(JsonStringEnumConverter<Finding>))] Finding? Finding, string? Note);

public sealed record FaultBody([property: JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))] FaultKind? Kind, string? Reason);

public sealed record ConformityBody(bool? FollowsTemplate, bool? HasStamp, string? Note);

public sealed record DispatchBody(string? UnitCode, string? Note);

public sealed record ReplyBody(string? Text, string? Salutation, string? Matter);

public sealed record ReasonBody(string? Reason);

public sealed record ExtendBody(string? Reason, int? WorkingDays);

public sealed record NoteBody(string? Note);

public sealed record TextBody(string? Text);

public sealed record CloseBody(string? Result);

public sealed record DuplicateBody(string? OriginalNumber);

public sealed record RevisitBody(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Satisfaction>))] Satisfaction? Satisfaction,
    string? Record);

public sealed record IntakeBody
{
    [JsonConverter(typeof(JsonStringEnumConverter<Channel>))]
    public Channel Channel { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<TicketKind>))]
    public TicketKind Kind { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
    public Severity Severity { get; init; } = Severity.Normal;

    [JsonConverter(typeof(JsonStringEnumConverter<TicketCategory>))]
    public TicketCategory Category { get; init; }

    public string? Description { get; init; }

    public string? VisitorName { get; init; }

    public string? VisitorPhone { get; init; }

    public bool Anonymous { get; init; }

    public bool Confidential { get; init; }

    public string? SchoolName { get; init; }

    public decimal? FeeAmount { get; init; }

    public DateOnly? IncidentDate { get; init; }

    public StaffIntakeRequest ToRequest() => new()
    {
        Channel = Channel, Kind = Kind, Severity = Severity, Category = Category, Description = Description ?? "",
        VisitorName = VisitorName, VisitorPhone = VisitorPhone, Anonymous = Anonymous, Confidential = Confidential,
        SchoolName = SchoolName, FeeAmount = FeeAmount, IncidentDate = IncidentDate,
    };
}
