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

/// <summary>
/// One page of the queue. <see cref="Total"/> is exact, except that finished tickets are counted up to
/// <see cref="StaffOptions.EndedCountLimit"/>; <see cref="TotalIsLowerBound"/> says the limit was reached.
/// </summary>
public sealed record QueuePage(QueueCounts Counts, IReadOnlyList<QueueItem> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound = false)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The queue: counts by status, filters, search, sorted by the limit that applies now (overdue first), paged.
/// Deadline states need the working-day calendar, so open tickets (few, however large the ledger) are evaluated in
/// memory; closed ones (nearly all of a year's million) have no limit left and follow newest first, counted and paged
/// in SQL on the ReceivedAt index. See docs/benchmarks.md (staff queue at 1M tickets).
/// </summary>
public sealed class ListTickets(StaffAccess access, DeadlinePolicy deadlines, WorkingDayCalendar calendar, IOptions<StaffOptions> options, TimeProvider clock)
{
    /// <summary>The statuses that still owe something, as an IN list so the Status index is used.</summary>
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>()
        .Where(s => s is not (TicketStatus.Closed or TicketStatus.Withdrawn or TicketStatus.Duplicate)).ToArray();

    private static readonly TicketStatus[] EndedStatuses = Enum.GetValues<TicketStatus>().Except(OpenStatuses).ToArray();

    public async Task<QueuePage> RunAsync(StaffMember member, QueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var visible = Evaluate(await OpenAsync(access.Tickets(member), ct), now);
        var counts = Count(visible, now);
        var unfiltered = filter with { Page = 1 } == new QueueFilter();
        var filtered = await ApplyAsync(member, access.Tickets(member).AsNoTracking(), filter, ct);
        var open = Order(Due(unfiltered ? visible : await SelectOpenAsync(visible, filtered, ct), filter.Due));

        // Overdue, due soon and revisit filters select open tickets only.
        var limit = options.Value.EndedCountLimit;
        var ended = filter.Due is null ? filtered.Where(t => EndedStatuses.Contains(t.Status)) : null;
        var endedCount = ended is null ? 0 : await ended.Take(limit + 1).CountAsync(ct);
        var size = options.Value.PageSize;
        var page = Math.Max(1, filter.Page);
        var skip = (long)(page - 1) * size;
        var items = open.Skip((int)Math.Min(skip, int.MaxValue)).Take(size).Select(e => ToItem(e.Ticket, e.Deadline)).ToList();
        if (ended is not null && items.Count < size && endedCount > 0)
        {
            var skipEnded = (int)Math.Max(0, skip - open.Count);
            var rows = await ended.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id).Skip(skipEnded).Take(size - items.Count).ToListAsync(ct);
            items.AddRange(rows.Select(t => ToItem(t, deadlines.Evaluate(t, now))));
        }

        var capped = endedCount > limit;
        return new QueuePage(counts, items, open.Count + Math.Min(endedCount, limit), page, size, capped);
    }

    /// <summary>
    /// The open tickets of the caller's scope: their ids from the status index first, then the rows by key, so the
    /// planner never trades the index for a scan of the whole table (it did, given SQLite's per-status averages).
    /// </summary>
    private static async Task<List<Ticket>> OpenAsync(IQueryable<Ticket> scope, CancellationToken ct)
    {
        scope = scope.AsNoTracking();
        var ids = await scope.Where(t => OpenStatuses.Contains(t.Status)).Select(t => t.Id).ToListAsync(ct);
        var rows = new List<Ticket>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            rows.AddRange(await scope.Where(t => chunk.Contains(t.Id)).ToListAsync(ct));
        }

        return rows;
    }

    /// <summary>The open tickets a filter keeps: only their ids are read, the rows are the scope's, already evaluated.</summary>
    private static async Task<IEnumerable<(Ticket Ticket, DeadlineState Deadline)>> SelectOpenAsync(
        List<(Ticket Ticket, DeadlineState Deadline)> visible, IQueryable<Ticket> filtered, CancellationToken ct)
    {
        var ids = (await filtered.Where(t => OpenStatuses.Contains(t.Status)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return visible.Where(e => ids.Contains(e.Ticket.Id));
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
        var evaluated = Due(Evaluate(rows, now), filter.Due);
        return Order(evaluated.Where(e => e.Ticket.IsOpen)).Concat(evaluated.Where(e => !e.Ticket.IsOpen)
            .OrderByDescending(e => e.Ticket.ReceivedAt).ThenByDescending(e => e.Ticket.Id)).ToList();
    }

    private List<(Ticket Ticket, DeadlineState Deadline)> Evaluate(IEnumerable<Ticket> rows, DateTimeOffset now) =>
        rows.Select(t => (Ticket: t, Deadline: deadlines.Evaluate(t, now))).ToList();

    private static IEnumerable<(Ticket Ticket, DeadlineState Deadline)> Due(IEnumerable<(Ticket Ticket, DeadlineState Deadline)> evaluated, string? due) => due switch
    {
        "overdue" => evaluated.Where(e => e.Deadline.IsOverdue),
        "soon" => evaluated.Where(e => e.Deadline.IsDueSoon),
        "revisit" => evaluated.Where(e => e.Ticket.Status is TicketStatus.Replied or TicketStatus.Revisiting),
        _ => evaluated,
    };

    /// <summary>Open tickets: urgent first, then by the limit that applies now (the most overdue first), then newest.</summary>
    private static List<(Ticket Ticket, DeadlineState Deadline)> Order(IEnumerable<(Ticket Ticket, DeadlineState Deadline)> open) => open
        .OrderByDescending(e => e.Ticket.Severity == Severity.Urgent)
        .ThenBy(e => e.Deadline.DueAt ?? DateTimeOffset.MaxValue)
        .ThenByDescending(e => e.Ticket.ReceivedAt)
        .ToList();

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

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var upper = q.ToUpperInvariant();
            query = query.Where(t => t.Number.Contains(upper) || t.Description.Contains(q) || (t.SchoolName != null && t.SchoolName.Contains(q)));
        }

        return query;
    }

    private QueueCounts Count(List<(Ticket Ticket, DeadlineState Deadline)> open, DateTimeOffset now)
    {
        var today = StartOf(calendar.LocalDate(now));
        return new QueueCounts(
            New: open.Count(e => e.Ticket.ReceivedAt >= today),
            ToDispatch: open.Count(e => e.Ticket.Status == TicketStatus.Received),
            InProgress: open.Count(e => e.Ticket.Status == TicketStatus.Dispatched),
            DueSoon: open.Count(e => e.Deadline.IsDueSoon),
            Overdue: open.Count(e => e.Deadline.IsOverdue),
            AwaitingReview: open.Count(e => e.Ticket.Status == TicketStatus.PendingReview),
            Revisit: open.Count(e => e.Ticket.Status is TicketStatus.Replied or TicketStatus.Revisiting));
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
