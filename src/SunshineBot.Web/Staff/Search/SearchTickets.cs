using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;

// EF Core translates the comparison-less StartsWith to SQL; the culture rules do not apply.
#pragma warning disable CA1310
namespace SunshineBot.Web.Staff.Search;

/// <summary>One page of search hits: ticket ids best first, and how many hits there are in all.</summary>
public sealed record SearchHits(IReadOnlyList<long> Ids, int Total);

/// <summary>
/// Staff full-text search: the queue's <c>q</c> over number, school, description, reply and notes (masked text),
/// inside the caller's scope (the same rule as <see cref="StaffAccess.Scope"/>) and the queue's other filters, best
/// match first, then newest. The index catches up before it is asked, so a ticket saved on any instance a moment
/// ago is found.
/// </summary>
public sealed class SearchTickets(TicketIndex index, StaffAccess access, WorkingDayCalendar calendar, IOptions<TicketSearchOptions> options)
{
    /// <summary>The hits from <paramref name="skip"/>, at most <paramref name="take"/>; none when the words say nothing searchable.</summary>
    public async Task<SearchHits> RunAsync(StaffMember member, QueueFilter filter, int skip, int take, bool openOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(filter);
        if (TicketQuery.Parse(index.Analysis, filter.Q ?? "") is not { } query)
        {
            return new SearchHits([], 0);
        }

        await index.CatchUpAsync(options.Value.MaxInlineCatchUp, ct);
        var scope = await ScopeAsync(member, filter.Unit, ct);
        if (scope is null)
        {
            return new SearchHits([], 0);
        }

        var filters = Filters(filter, openOnly).Concat(scope).ToList();
        var n = (int)Math.Min(int.MaxValue - 1, (long)skip + Math.Max(take, 1));
        return index.Search(searcher =>
        {
            var sort = new Sort(SortField.FIELD_SCORE, new SortField(TicketDocuments.ReceivedSort, SortFieldType.INT64, true));
            var top = searcher.Search(query, All(filters), n, sort, doDocScores: false, doMaxScore: false);
            var ids = top.ScoreDocs.Skip(skip).Take(take).Select(d => TicketIndex.IdOf(searcher, d.Doc)).ToList();
            return new SearchHits(ids, top.TotalHits);
        });
    }

    /// <summary>
    /// The caller's scope as index filters (null: nothing in scope). A unit filter narrows it to that unit's subtree,
    /// which <see cref="StaffAccess.LoadUnitAsync"/> checks is the caller's to see.
    /// </summary>
    private async Task<List<Filter>?> ScopeAsync(StaffMember member, string? unit, CancellationToken ct)
    {
        var filters = new List<Filter>();
        var everything = member.IsRootUnit && member.Role != StaffRole.Handler;
        if (!everything)
        {
            var codes = await access.Units(member).Select(u => u.Code).ToListAsync(ct);
            if (codes.Count == 0)
            {
                return null;
            }

            filters.Add(member.Role == StaffRole.Handler
                ? Terms(TicketDocuments.Handling, codes)
                : Any(Terms(TicketDocuments.Handling, codes), Terms(TicketDocuments.Receiving, codes)));
        }

        if (!string.IsNullOrWhiteSpace(unit))
        {
            var root = await access.LoadUnitAsync(member, unit, ct);
            var codes = await access.Units(member).Where(u => u.Path.StartsWith(root.Path)).Select(u => u.Code).ToListAsync(ct);
            filters.Add(Any(Terms(TicketDocuments.Handling, codes), Terms(TicketDocuments.Receiving, codes)));
        }

        return filters;
    }

    private IEnumerable<Filter> Filters(QueueFilter f, bool openOnly)
    {
        if (f.Status is { } status)
        {
            yield return Terms(TicketDocuments.Status, [status.ToString()]);
        }

        if (f.Kind is { } kind)
        {
            yield return Terms(TicketDocuments.Kind, [kind.ToString()]);
        }

        if (f.Severity is { } severity)
        {
            yield return Terms(TicketDocuments.Severity, [severity.ToString()]);
        }

        if (f.Category is { } category)
        {
            yield return Terms(TicketDocuments.Category, [category.ToString()]);
        }

        if (f.Channel is { } channel)
        {
            yield return Terms(TicketDocuments.Channel, [channel.ToString()]);
        }

        if (openOnly)
        {
            yield return Terms(TicketDocuments.Open, ["1"]);
        }

        if (f.From is not null || f.To is not null)
        {
            long? from = f.From is { } a ? StartOf(a).UtcTicks : null;
            long? to = f.To is { } b ? StartOf(b.AddDays(1)).UtcTicks : null;
            yield return NumericRangeFilter.NewInt64Range(TicketDocuments.Received, from, to, true, false);
        }
    }

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    internal static Filter Terms(string field, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? new QueryWrapperFilter(new BooleanQuery()) : new TermsFilter(values.Select(v => new Term(field, v)).ToArray());

    internal static Filter Any(params Filter[] filters)
    {
        var any = new BooleanFilter();
        foreach (var f in filters)
        {
            any.Add(new FilterClause(f, Occur.SHOULD));
        }

        return any;
    }

    internal static Filter? All(IReadOnlyCollection<Filter> filters)
    {
        if (filters.Count == 0)
        {
            return null;
        }

        var all = new BooleanFilter();
        foreach (var f in filters)
        {
            all.Add(new FilterClause(f, Occur.MUST));
        }

        return all;
    }
}
