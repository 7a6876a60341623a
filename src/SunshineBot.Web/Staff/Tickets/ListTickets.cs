using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Search;

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
public sealed class ListTickets(
    StaffAccess access, DeadlinePolicy deadlines, WorkingDayCalendar calendar, IOptions<StaffOptions> options, TimeProvider clock, SearchTickets? search = null)
{
    /// <summary>The statuses that still owe something, as an IN list so the Status index is used.</summary>
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(Ticket.IsOpenStatus).ToArray();

    private static readonly TicketStatus[] EndedStatuses = Enum.GetValues<TicketStatus>().Except(OpenStatuses).ToArray();

    public async Task<QueuePage> RunAsync(StaffMember member, QueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var visible = await OpenAsync(access.Tickets(member), now, ct);
        var counts = Count(visible, now);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            return await SearchAsync(member, filter, visible, counts, now, ct);
        }

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
        var shown = open.Skip((int)Math.Min(skip, int.MaxValue)).Take(size).ToList();
        var items = await ItemsAsync(filtered, shown, ct);
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
    /// With search words the page is the search hits in scope, best match first, then newest, paged (the index narrows;
    /// the rows are read back through the caller's scope). A deadline filter keeps the open hits that meet it.
    /// </summary>
    private async Task<QueuePage> SearchAsync(
        StaffMember member, QueueFilter filter, List<QueueRow> visible, QueueCounts counts, DateTimeOffset now, CancellationToken ct)
    {
        var size = options.Value.PageSize;
        var page = Math.Max(1, filter.Page);
        var skip = (int)Math.Min((long)(page - 1) * size, int.MaxValue - size - 1);
        if (filter.Due is not null)
        {
            // Open tickets are few: every open hit, already evaluated with the rest of the open queue, in relevance order.
            var openHits = await Searcher.RunAsync(member, filter, 0, options.Value.EndedCountLimit, openOnly: true, ct);
            var byId = visible.ToDictionary(r => r.Id);
            var due = Due(openHits.Ids.Where(byId.ContainsKey).Select(id => byId[id]), filter.Due).ToList();
            var shown = due.Skip(skip).Take(size).ToList();
            return new QueuePage(counts, await ItemsAsync(access.Tickets(member).AsNoTracking(), shown, ct), due.Count, page, size);
        }

        var hits = await Searcher.RunAsync(member, filter, skip, size, openOnly: false, ct);
        var ids = hits.Ids.ToList();
        var rows = await access.Tickets(member).AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var items = ids.Where(rows.ContainsKey).Select(id => ToItem(rows[id], deadlines.Evaluate(rows[id], now))).ToList();
        return new QueuePage(counts, items, hits.Total, page, size);
    }

    /// <summary>Null only where nothing searches (the queue benchmarks construct the queue by hand).</summary>
    private SearchTickets Searcher => search ?? throw new InvalidOperationException("The queue was built without its search.");

    /// <summary>
    /// The open tickets of the caller's scope, as the columns that place them in the queue: their ids from the status
    /// index first, then those columns by key, so the planner never trades the index for a scan of the whole table (it
    /// did, given SQLite's per-status averages), and no whole ticket is read for a row that is not shown.
    /// </summary>
    private async Task<List<QueueRow>> OpenAsync(IQueryable<Ticket> scope, DateTimeOffset now, CancellationToken ct)
    {
        scope = scope.AsNoTracking();
        var ids = await scope.Where(t => OpenStatuses.Contains(t.Status)).Select(t => t.Id).ToListAsync(ct);
        var rows = new List<QueueRow>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            var columns = await scope.Where(t => chunk.Contains(t.Id))
                .Select(t => new
                {
                    t.Id, t.Status, t.Severity, t.ReceivedAt, t.FirstReplyDueAt, t.DueAt, t.Flag, t.FlagDueAt,
                    t.FirstReplyDueEstimatedAfter, t.DueEstimatedAfter, t.FlagDueEstimatedAfter,
                }).ToListAsync(ct);
            rows.AddRange(columns.Select(c => new QueueRow(
                c.Id, c.Status, c.Severity, c.ReceivedAt,
                deadlines.Evaluate(
                    Ticket.CurrentDueAtOf(c.Status, c.FirstReplyDueAt, c.DueAt), Ticket.CurrentDueEstimatedOf(c.Status, c.FirstReplyDueEstimatedAfter, c.DueEstimatedAfter),
                    Ticket.SupervisionDueAtOf(c.Status, c.Flag, c.FlagDueAt), c.FlagDueEstimatedAfter is not null, now))));
        }

        return rows;
    }

    /// <summary>The open tickets a filter keeps: only their ids are read, the rows are the scope's, already evaluated.</summary>
    private static async Task<IEnumerable<QueueRow>> SelectOpenAsync(List<QueueRow> visible, IQueryable<Ticket> filtered, CancellationToken ct)
    {
        var ids = (await filtered.Where(t => OpenStatuses.Contains(t.Status)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        return visible.Where(e => ids.Contains(e.Id));
    }

    /// <summary>The shown open rows as queue items, their tickets read whole by key (a page's worth).</summary>
    private static async Task<List<QueueItem>> ItemsAsync(IQueryable<Ticket> filtered, List<QueueRow> shown, CancellationToken ct)
    {
        var ids = shown.Select(r => r.Id).ToArray();
        var tickets = ids.Length == 0 ? [] : await filtered.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return shown.Where(r => tickets.ContainsKey(r.Id)).Select(r => ToItem(tickets[r.Id], r.Deadline)).ToList();
    }

    /// <summary>
    /// Every ticket in the caller's scope that passes the filter, in queue order, not paged (the ledger export reads
    /// the same selection as the queue).
    /// </summary>
    public async Task<IReadOnlyList<(Ticket Ticket, DeadlineState Deadline)>> SelectAsync(StaffMember member, QueueFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await ApplyAsync(member, access.Tickets(member).AsNoTracking(), filter, ct);
        var tickets = await query.ToListAsync(ct);
        var byId = tickets.ToDictionary(t => t.Id);
        var rows = Due(tickets.Select(t => new QueueRow(t.Id, t.Status, t.Severity, t.ReceivedAt, deadlines.Evaluate(t, now))), filter.Due).ToList();
        return Order(rows.Where(r => Ticket.IsOpenStatus(r.Status)))
            .Concat(rows.Where(r => !Ticket.IsOpenStatus(r.Status)).OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id))
            .Select(r => (byId[r.Id], r.Deadline)).ToList();
    }

    /// <summary>What places a ticket in the queue: its status, severity, intake time and the limit that applies now.</summary>
    private sealed record QueueRow(long Id, TicketStatus Status, Severity Severity, DateTimeOffset ReceivedAt, DeadlineState Deadline);

    private static IEnumerable<QueueRow> Due(IEnumerable<QueueRow> rows, string? due) => due switch
    {
        "overdue" => rows.Where(e => e.Deadline.IsOverdue),
        "soon" => rows.Where(e => e.Deadline.IsDueSoon),
        "revisit" => rows.Where(e => e.Status is TicketStatus.Replied or TicketStatus.Revisiting),
        _ => rows,
    };

    /// <summary>Open tickets: urgent first, then by the limit that applies now (the most overdue first), then newest.</summary>
    private static List<QueueRow> Order(IEnumerable<QueueRow> open) => open
        .OrderByDescending(e => e.Severity == Severity.Urgent)
        .ThenBy(e => e.Deadline.DueAt ?? DateTimeOffset.MaxValue)
        .ThenByDescending(e => e.ReceivedAt)
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

    private QueueCounts Count(List<QueueRow> open, DateTimeOffset now)
    {
        var today = StartOf(calendar.LocalDate(now));
        return new QueueCounts(
            New: open.Count(e => e.ReceivedAt >= today),
            ToDispatch: open.Count(e => e.Status == TicketStatus.Received),
            InProgress: open.Count(e => e.Status == TicketStatus.Dispatched),
            DueSoon: open.Count(e => e.Deadline.IsDueSoon),
            Overdue: open.Count(e => e.Deadline.IsOverdue),
            AwaitingReview: open.Count(e => e.Status == TicketStatus.PendingReview),
            Revisit: open.Count(e => e.Status is TicketStatus.Replied or TicketStatus.Revisiting));
    }

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    /// <summary>A ticket as the queue lists it (the masked description, cut short).</summary>
    internal static QueueItem ToItem(Ticket t, DeadlineState state) =>
        new(t.Number, t.Kind, t.Severity, t.Channel, t.Category, t.Status, Summarize(FreeTextMask.Apply(t, t.Description)), t.SchoolName, t.HandlingUnitCode, t.ReceivedAt, state);

    private static string Summarize(string text) =>
        text.Length <= 60 ? text : string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, 60)}…");
}
