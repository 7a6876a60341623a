namespace SunshineBot.Data.Audit;

/// <summary>
/// One security-relevant act, kept apart from the ticket timeline: sign-ins and their failures, lockouts,
/// re-authentication, contact reveals, ledger exports, account, role and unit changes. Never holds a parent's data:
/// the subject is a ticket number or a staff user name.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>One of <c>AuditKinds</c> in the web host (login, login-failed, lockout, reveal, export, role, …).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The staff user name who acted, or the name typed at a failed sign-in (lower-cased, cut to 64).</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's unit when known: the audit page shows an admin only their own subtree.</summary>
    public string? ActorUnitCode { get; set; }

    public string? Subject { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client address the request came from.</summary>
    public string? Address { get; set; }
}
