namespace SunshineBot.Core.Tickets;

/// <summary>受理类型: what the visitor wants.</summary>
public enum TicketKind
{
    Consultation,
    Help,
    Complaint,
    Report,
    Suggestion,
    Other,
}

/// <summary>事件级别.</summary>
public enum Severity
{
    Normal,
    Important,
    Urgent,
}

/// <summary>受理渠道.</summary>
public enum Channel
{
    WeChat,
    WebChat,
    Phone,
    WalkIn,
    Hotline12345,
}

/// <summary>Where a ticket is in the workflow (seed 002, section 6).</summary>
public enum TicketStatus
{
    Received,
    Dispatched,
    PendingReview,
    Replied,
    Revisiting,
    Closed,
    Withdrawn,
    Duplicate,
}

/// <summary>满意情况.</summary>
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
    NotReached,
}

/// <summary>Everything that can happen to a ticket; each one leaves a <see cref="TicketEvent"/>.</summary>
public enum TicketAction
{
    Receive,
    Dispatch,
    ProposeAction,
    LeaderInstruct,
    Reply,
    Approve,
    Return,
    StartRevisit,
    RecordRevisit,
    Close,
    SendBack,
    RequestExtension,
    ApproveExtension,
    RejectExtension,
    Urge,
    Withdraw,
    MarkDuplicate,
    AddNote,
    RevealContact,
    AddAttachment,
    RecordFinding,
    TagFault,
    RecordReplyConformity,
    Acknowledge,
    HandBack,
    CorrectIntake,
    SetLimit,
    FlagCase,
    RecordVisit,
    RequestInformation,
    SupplyInformation,

    /// <summary>归并同类诉求: linked with similar complaints from other parents into one matter.</summary>
    LinkGroup,

    /// <summary>解除归并: taken out of its group of similar complaints (or the group changed under it).</summary>
    UnlinkGroup,
}
