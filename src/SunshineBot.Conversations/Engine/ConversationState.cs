namespace SunshineBot.Conversations.Engine;

/// <summary>One flow in progress on the dialog stack; its form is the flow's typed record, stored as JSON.</summary>
public sealed class DialogFrame
{
    public string FlowId { get; set; } = "";

    /// <summary>The flow's version when the frame was saved; a different version restarts the flow politely.</summary>
    public int Version { get; set; }

    public int Step { get; set; } = -1;

    /// <summary>Steps answered before, for 返回 (back to the previous question, answers kept).</summary>
    public List<int> History { get; set; } = [];

    /// <summary>After editing one field from the summary, go back to this step instead of the next.</summary>
    public int? ReturnTo { get; set; }

    public int Attempts { get; set; }

    public string Form { get; set; } = "{}";
}

/// <summary>
/// Everything the engine remembers about one parent in one channel. The host saves it after every turn, so a
/// restart, or the next message landing on another instance, continues the same conversation.
/// </summary>
public sealed class ConversationState
{
    public List<DialogFrame> Stack { get; set; } = [];

    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The last lines of the conversation, handed to a person on 人工.</summary>
    public List<string> Transcript { get; set; } = [];

    /// <summary>A phone number the parent proved (full number + one of its tickets): its tickets show up in 查询进度 here.</summary>
    public string? BoundPhone { get; set; }

    /// <summary>A school the parent came from (a school's QR code): the next form starts with it filled in.</summary>
    public string? PrefillSchoolCode { get; set; }

    /// <summary>The buttons of the last question: typed text (a number, the label, a close variant) picks one.</summary>
    public List<QuickReply> Offered { get; set; } = [];

    /// <summary>A new flow the parent asked for while a form was half-filled, waiting for "放弃" or "继续填写".</summary>
    public string? PendingSwitch { get; set; }

    /// <summary>Pictures sent outside the photo step: attached to the next ticket filed here.</summary>
    public List<IncomingImage> HeldPhotos { get; set; } = [];

    /// <summary>The ticket 人工 filed: what the parent sends next at the menu is added to it, until they start something else.</summary>
    public string? HandedOverTicket { get; set; }

    public DialogFrame? Top => Stack.Count == 0 ? null : Stack[^1];
}
