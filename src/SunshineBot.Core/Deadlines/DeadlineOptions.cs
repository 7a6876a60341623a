using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Deadlines;

/// <summary>Working-day limits for one kind or severity: to the first reply and to resolution.</summary>
public sealed class TimeLimit
{
    public int FirstReplyWorkingDays { get; set; }

    public int ResolutionWorkingDays { get; set; }
}

/// <summary>The clock while the parent is asked for missing information (一次性告知).</summary>
public enum InformationWaitRule
{
    /// <summary>Waiting does not count: on the parent's answer the running limits move on by the working days waited.</summary>
    Pause,

    /// <summary>The limits keep running as if nothing was asked.</summary>
    Continue,
}

/// <summary>
/// Time limits (configuration section <c>Deadlines</c>). Defaults follow the seeds: consultation 2 working days;
/// other kinds 3 to a first reply and 7 to resolution; urgent the same or next working day; an extension
/// reason within 3 working days.
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Limits per kind; a kind not listed uses <see cref="Default"/>.</summary>
    public Dictionary<TicketKind, TimeLimit> Kinds { get; set; } = new()
    {
        [TicketKind.Consultation] = new TimeLimit { FirstReplyWorkingDays = 2, ResolutionWorkingDays = 2 },
    };

    public TimeLimit Default { get; set; } = new() { FirstReplyWorkingDays = 3, ResolutionWorkingDays = 7 };

    /// <summary>Limits that override the kind's for a severity (urgent tickets by default).</summary>
    public Dictionary<Severity, TimeLimit> Severities { get; set; } = new()
    {
        [Severity.Urgent] = new TimeLimit { FirstReplyWorkingDays = 1, ResolutionWorkingDays = 1 },
    };

    /// <summary>A unit that cannot meet a limit files its reason within this many working days of dispatch.</summary>
    public int ExtensionReasonWorkingDays { get; set; } = 3;

    /// <summary>A ticket is "due soon" when its due time is at most this many working days away.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;

    /// <summary><c>Deadlines:InformationWait</c>: whether the clock stops while the parent is asked for missing information.</summary>
    public InformationWaitRule InformationWait { get; set; } = InformationWaitRule.Pause;

    /// <summary>The longest extension one request may ask for.</summary>
    public int MaxExtensionWorkingDays { get; set; } = 15;

    public TimeLimit For(TicketKind kind, Severity severity) =>
        Severities.TryGetValue(severity, out var bySeverity) ? bySeverity
        : Kinds.TryGetValue(kind, out var byKind) ? byKind
        : Default;

    /// <summary>Every problem with the values, in words an operator understands; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, limit) in Kinds.Select(k => (k.Key.ToString(), k.Value))
                     .Concat(Severities.Select(s => (s.Key.ToString(), s.Value)))
                     .Append(("Default", Default)))
        {
            if (limit.FirstReplyWorkingDays < 0 || limit.ResolutionWorkingDays < 1)
            {
                errors.Add($"Deadlines:{name}: limits must be positive working days");
            }
            else if (limit.FirstReplyWorkingDays > limit.ResolutionWorkingDays)
            {
                errors.Add($"Deadlines:{name}: the first reply limit ({limit.FirstReplyWorkingDays}) is after the resolution limit ({limit.ResolutionWorkingDays})");
            }
        }

        if (ExtensionReasonWorkingDays < 1 || DueSoonWorkingDays < 0 || MaxExtensionWorkingDays < 1)
        {
            errors.Add("Deadlines: ExtensionReasonWorkingDays and MaxExtensionWorkingDays must be at least 1, DueSoonWorkingDays at least 0");
        }

        return errors;
    }
}
