namespace SunshineBot.Core.Tickets;

/// <summary>核实结论: the centre's finding on a complaint or report after checking it (seed 003 deducts more when it holds).</summary>
public enum Finding
{
    Substantiated,
    PartlySubstantiated,
    Unsubstantiated,
}

/// <summary>问题标签: a scored fault the centre found in how a unit handled a ticket (seeds 001 and 004).</summary>
public enum FaultKind
{
    /// <summary>推诿扯皮.</summary>
    BuckPassing,

    /// <summary>答复与事实不符.</summary>
    ReplyContradictsFacts,

    /// <summary>答复过于简单 ("转XX处理", "已联系XX").</summary>
    ReplyTooThin,

    /// <summary>泄露信息: the complainant's identity or other confidential data leaked.</summary>
    LeakedInformation,

    /// <summary>对中心的投诉(属实): a complaint against the service centre itself, found true by the supervising department.</summary>
    ComplaintAgainstCentre,
}

/// <summary>One fault tag on a ticket: what, against which unit, who tagged it, when and why. Never changed or deleted.</summary>
public sealed class TicketFault
{
    public TicketFault(FaultKind kind, string? unitCode, DateTimeOffset at, string actorId, string actorName, string reason)
    {
        Kind = kind;
        UnitCode = unitCode;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Reason = reason;
    }

    public long Id { get; private init; }

    public long TicketId { get; private init; }

    public FaultKind Kind { get; private init; }

    /// <summary>The unit the fault counts against: the handling unit when tagged.</summary>
    public string? UnitCode { get; private init; }

    public DateTimeOffset At { get; private init; }

    public string ActorId { get; private init; }

    public string ActorName { get; private init; }

    public string Reason { get; private init; }
}

/// <summary>
/// 答复规范: whether a published reply letter has the shape of the reply template (seed 001, annex 3). The check is
/// structural: title "关于…问题的回复", the "现回复如下" opening, the thanks and contact line, and the signature with
/// 公章 and a date. Whether the body says enough is <c>ReplyRules</c>' business at reply time.
/// </summary>
public static class ReplyTemplate
{
    private static readonly string[] Markers = ["关于", "问题的回复", "现回复如下", "感谢您", "（公章）"];

    public static bool Conforms(string? letter)
    {
        if (string.IsNullOrWhiteSpace(letter))
        {
            return false;
        }

        var text = letter.Trim();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length >= 4
            && lines[0].StartsWith("关于", StringComparison.Ordinal)
            && lines[0].EndsWith("问题的回复", StringComparison.Ordinal)
            && Markers.All(m => text.Contains(m, StringComparison.Ordinal))
            && lines[^1].Contains('年', StringComparison.Ordinal) && lines[^1].EndsWith('日');
    }
}
