using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Ledger;

/// <summary>One ledger line, checked and typed; units still as written (code or name), resolved by the importer.</summary>
public sealed record LedgerEntry
{
    /// <summary>The line's number in the file (the header is line 1), for messages.</summary>
    public required int Row { get; init; }

    public required string Number { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public string? VisitorName { get; init; }

    public string? VisitorPhone { get; init; }

    public bool Anonymous { get; init; }

    public required TicketKind Kind { get; init; }

    public Severity Severity { get; init; }

    public required Channel Channel { get; init; }

    /// <summary>受理部门 as written; null for 网上受理 (or empty).</summary>
    public string? ReceivingUnit { get; init; }

    public string? ReceivedBy { get; init; }

    public string? HandlingUnit { get; init; }

    public string? School { get; init; }

    public required TicketCategory Category { get; init; }

    public required string Description { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    /// <summary>The first round's reply (before a 发回重办), when the ledger gives it: 答复时间 "first;final".</summary>
    public DateTimeOffset? FirstRepliedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public string? ProposedAction { get; init; }

    public string? LeaderInstruction { get; init; }

    public string? RevisitRecord { get; init; }

    public string? RedoReason { get; init; }

    public int RedoCount { get; init; }

    public Satisfaction? Satisfaction { get; init; }

    public string? Result { get; init; }

    public IReadOnlyList<DateTimeOffset> Urges { get; init; } = [];

    public Finding? Finding { get; init; }

    public IReadOnlyList<FaultKind> FaultTags { get; init; } = [];

    public bool? ReplyConforms { get; init; }

    public bool? ReplyStamped { get; init; }
}

/// <summary>One thing wrong with a ledger file: where (line and column) and what, in Chinese.</summary>
public sealed record LedgerProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"第 {Row} 行：{Message}" : $"第 {Row} 行「{Column}」：{Message}";
}
