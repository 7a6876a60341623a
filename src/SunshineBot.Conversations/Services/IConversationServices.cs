using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Services;

/// <summary>An answer from the knowledge base as the chat shows it.</summary>
public sealed record KbReply(
    bool Answered,
    string? EntryId,
    string? Title,
    string? Answer,
    IReadOnlyList<string> Sources,
    IReadOnlyList<KbSuggestion> Suggestions);

public sealed record KbSuggestion(string EntryId, string Title);

/// <summary>The knowledge base, seen from the chat.</summary>
public interface IKnowledgeAnswers
{
    Task<KbReply> AskAsync(string question, CancellationToken ct);

    /// <summary>The entry itself (a suggestion the parent tapped).</summary>
    Task<KbReply?> GetAsync(string entryId, CancellationToken ct);

    /// <summary>The parent said whether the answer to <paramref name="question"/> solved the problem (the knowledge-base error rate).</summary>
    Task RecordFeedbackAsync(string question, string entryId, bool helpful, CancellationToken ct);
}

public sealed record UnitCandidate(string Code, string Name);

/// <summary>Schools and departments a parent can name.</summary>
public interface IUnitDirectory
{
    Task<IReadOnlyList<UnitCandidate>> FindAsync(string text, int limit, CancellationToken ct);

    Task<UnitCandidate?> GetAsync(string code, CancellationToken ct);
}

/// <summary>What the chat knows about a ticket when it shows progress.</summary>
public sealed record TicketSummary(
    string Number,
    TicketKind Kind,
    TicketStatus Status,
    string? SchoolName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    string? LatestReply,
    DateTimeOffset? RepliedAt);

public sealed record FiledTicket(string Number, Severity Severity, DateTimeOffset ReplyDueAt);

/// <summary>An intake the chat hands over; the desk validates it with the domain's rules.</summary>
public sealed record IntakeRequest(TicketIntake Intake, IReadOnlyList<Engine.IncomingImage> Photos);

/// <summary>Tickets, seen from the chat. Flows never touch the database: they call this.</summary>
public interface ITicketDesk
{
    Task<FiledTicket> FileAsync(IntakeRequest request, CancellationToken ct);

    /// <summary>An open ticket of the same parent, kind and school filed within the last days, if any.</summary>
    Task<TicketSummary?> FindSimilarAsync(string filedBy, TicketKind kind, string? schoolCode, string? schoolName, CancellationToken ct);

    /// <summary>Adds what the parent said again to the original instead of counting the matter twice.</summary>
    Task LinkToAsync(string number, string filedBy, string description, IReadOnlyList<Engine.IncomingImage> photos, CancellationToken ct);

    /// <summary>What the parent sends after 人工 (text, pictures): added to that ticket for the staff member who takes it.</summary>
    Task AddToAsync(string number, string filedBy, string text, IReadOnlyList<Engine.IncomingImage> photos, CancellationToken ct);

    /// <summary>The parent's tickets: filed from this identity, or given with <paramref name="boundPhone"/>.</summary>
    Task<IReadOnlyList<TicketSummary>> ListForAsync(string filedBy, string? boundPhone, CancellationToken ct);

    /// <summary>Whether <paramref name="phone"/> is the phone given on ticket <paramref name="number"/> (to bind it).</summary>
    Task<bool> PhoneMatchesAsync(string number, string phone, CancellationToken ct);

    /// <summary>By number and the last four digits of the phone given at intake; null when they do not match.</summary>
    Task<TicketSummary?> FindAsync(string number, string phoneLast4, CancellationToken ct);

    /// <summary>The parent's revisit answer; an unsatisfied one sends the ticket back.</summary>
    Task<RevisitOutcome> RecordRevisitAsync(string number, string filedBy, Satisfaction satisfaction, bool? solved, string? comment, CancellationToken ct);

    /// <summary>一次性告知: the parent's answer to the staff's request; false when the ticket no longer waits for one.</summary>
    Task<bool> SupplyInformationAsync(string number, string filedBy, string text, IReadOnlyList<Engine.IncomingImage> photos, CancellationToken ct) =>
        Task.FromResult(false);
}

public enum RevisitOutcome
{
    Closed,
    SentBack,
    Escalated,
    NotApplicable,
}
