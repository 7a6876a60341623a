namespace SunshineBot.Data.Outbox;

public enum OutboxKind
{
    Text,
    Image,
    Template,
    Subscribe,

    /// <summary>A signed HTTP POST to another platform (an integration event).</summary>
    Webhook,
}

/// <summary>How a message reached (or is meant to reach) the parent; the dispatcher records the route it used.</summary>
public enum OutboxRoute
{
    /// <summary>In the webhook's response (only ever recorded for audit).</summary>
    Passive,

    /// <summary>客服消息: inside the 48-hour window after the parent's last message.</summary>
    CustomerService,

    /// <summary>模板消息 with a link into the web chat: outside the window.</summary>
    Template,

    /// <summary>订阅通知.</summary>
    Subscribe,

    /// <summary>A signed POST to an integration's <c>WebhookUrl</c>.</summary>
    Webhook,
}

public enum OutboxStatus
{
    Pending,

    /// <summary>Claimed by one dispatcher until <see cref="OutboxMessage.ClaimedUntil"/>; a crashed claim expires and is taken again.</summary>
    Sending,

    Sent,

    /// <summary>A permanent error or too many attempts: visible to staff, never retried by the dispatcher.</summary>
    Failed,
}

/// <summary>
/// A message waiting to leave the system (a WeChat reply after the 5-second window, a staff reply, a survey). Written
/// together with the change that caused it, then sent by the dispatcher; nothing is lost if the process dies between.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>"wechat", or "integration" (then <see cref="Recipient"/> is the integration's name).</summary>
    public string Channel { get; set; } = "";

    /// <summary>The parent in that channel (OpenID).</summary>
    public string Recipient { get; set; } = "";

    public OutboxKind Kind { get; set; }

    /// <summary>What to send, as JSON (text, title, link); the sender's own shape.</summary>
    public string PayloadJson { get; set; } = "{}";

    /// <summary>The intended route until sent; then the route actually used.</summary>
    public OutboxRoute Route { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>What caused it: a ticket number, or the WeChat message key and reply index ("gh_x:msg:1#0").</summary>
    public string? SourceRef { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
