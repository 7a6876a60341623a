using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;

// EF Core translates the comparison-less string overloads (StartsWith, Contains) to SQL; the culture rules do not apply.
#pragma warning disable CA1307, CA1310
namespace SunshineBot.Web.Staff.Tickets;

/// <summary>The queue's filters, as the page's query string and the API's query parameters give them.</summary>
public sealed record QueueFilter
{
    public TicketStatus? Status { get; init; }

    public TicketKind? Kind { get; init; }

    public Severity? Severity { get; init; }

    public TicketCategory? Category { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>A unit code: tickets handled or received by it or below it.</summary>
    public string? Unit { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>"overdue", "soon" or "revisit" (replied, waiting for the revisit).</summary>
    public string? Due { get; init; }

    /// <summary>Matches the number, the description and the school.</summary>
    public string? Q { get; init; }

    public int Page { get; init; } = 1;
}

public sealed record QueueCounts(int New, int ToDispatch, int InProgress, int DueSoon, int Overdue, int AwaitingReview, int Revisit);

public sealed record QueueItem(
    string Number,
    TicketKind Kind,
    Severity Severity,
    Channel Channel,
    TicketCategory Category,
    TicketStatus Status,
    string Summary,
    string? SchoolName,
    string? HandlingUnitCode,
    DateTimeOffset ReceivedAt,
    DeadlineState Deadline);

public sealed record QueuePage(QueueCounts Counts, IReadOnlyList<QueueItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The queue: counts by status, filters, search, sorted by the limit that applies now (overdue first), paged.
/// Deadline states need the working-day calendar, so the filtered rows are evaluated in memory.
/// </summary>
public sealed class ListTickets(StaffAccess access, DeadlinePolicy deadlines, WorkingDayCalendar calendar, IOptions<StaffOptions> options, TimeProvider clock)
{
    public async Task<QueuePage> RunAsync(StaffMember member, QueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var counts = await CountAsync(access.Tickets(member).AsNoTracking(), now, ct);
        var ordered = await SelectAsync(member, filter, now, ct);
        var size = options.Value.PageSize;
        var page = Math.Max(1, filter.Page);
        var items = ordered.Skip((page - 1) * size).Take(size).Select(e => ToItem(e.Ticket, e.Deadline)).ToList();
        return new QueuePage(counts, items, ordered.Count, page, size);
    }

    /// <summary>
    /// Every ticket in the caller's scope that passes the filter, in queue order, not paged (the ledger export reads
    /// the same selection as the queue).
    /// </summary>
    public async Task<IReadOnlyList<(Ticket Ticket, DeadlineState Deadline)>> SelectAsync(StaffMember member, QueueFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await ApplyAsync(member, access.Tickets(member).AsNoTracking(), filter, ct);
        var rows = await query.ToListAsync(ct);
        var evaluated = rows.Select(t => (Ticket: t, Deadline: deadlines.Evaluate(t, now)));
        evaluated = filter.Due switch
        {
            "overdue" => evaluated.Where(e => e.Deadline.IsOverdue),
            "soon" => evaluated.Where(e => e.Deadline.IsDueSoon),
            "revisit" => evaluated.Where(e => e.Ticket.Status is TicketStatus.Replied or TicketStatus.Revisiting),
            _ => evaluated,
        };

        return evaluated
            .OrderBy(e => e.Ticket.IsOpen ? 0 : 1)
            .ThenByDescending(e => e.Ticket.Severity == Severity.Urgent)
            .ThenBy(e => e.Deadline.DueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(e => e.Ticket.ReceivedAt)
            .ToList();
    }

    private async Task<IQueryable<Ticket>> ApplyAsync(StaffMember member, IQueryable<Ticket> query, QueueFilter f, CancellationToken ct)
    {
        if (f.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (f.Kind is { } kind)
        {
            query = query.Where(t => t.Kind == kind);
        }

        if (f.Severity is { } severity)
        {
            query = query.Where(t => t.Severity == severity);
        }

        if (f.Category is { } category)
        {
            query = query.Where(t => t.Category == category);
        }

        if (f.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            var unit = await access.LoadUnitAsync(member, f.Unit, ct);
            var codes = access.Units(member).Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Code);
            query = query.Where(t => (t.HandlingUnitCode != null && codes.Contains(t.HandlingUnitCode)) || (t.ReceivingUnitCode != null && codes.Contains(t.ReceivingUnitCode)));
        }

        if (f.From is { } from)
        {
            var start = StartOf(from);
            query = query.Where(t => t.ReceivedAt >= start);
        }

        if (f.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            query = query.Where(t => t.ReceivedAt < end);
        }

        if (f.Due is "overdue" or "soon")
        {
            query = query.Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn && t.Status != TicketStatus.Duplicate);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var upper = q.ToUpperInvariant();
            query = query.Where(t => t.Number.Contains(upper) || t.Description.Contains(q) || (t.SchoolName != null && t.SchoolName.Contains(q)));
        }

        return query;
    }

    private async Task<QueueCounts> CountAsync(IQueryable<Ticket> visible, DateTimeOffset now, CancellationToken ct)
    {
        var open = await visible
            .Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn && t.Status != TicketStatus.Duplicate)
            .ToListAsync(ct);
        var today = StartOf(calendar.LocalDate(now));
        var states = open.Select(t => deadlines.Evaluate(t, now)).ToList();
        return new QueueCounts(
            New: open.Count(t => t.ReceivedAt >= today),
            ToDispatch: open.Count(t => t.Status == TicketStatus.Received),
            InProgress: open.Count(t => t.Status == TicketStatus.Dispatched),
            DueSoon: states.Count(s => s.IsDueSoon),
            Overdue: states.Count(s => s.IsOverdue),
            AwaitingReview: open.Count(t => t.Status == TicketStatus.PendingReview),
            Revisit: open.Count(t => t.Status is TicketStatus.Replied or TicketStatus.Revisiting));
    }

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    private static QueueItem ToItem(Ticket t, DeadlineState state) =>
        new(t.Number, t.Kind, t.Severity, t.Channel, t.Category, t.Status, Summarize(FreeTextMask.Apply(t, t.Description)), t.SchoolName, t.HandlingUnitCode, t.ReceivedAt, state);

    private static string Summarize(string text) =>
        text.Length <= 60 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 60)}…");
}
