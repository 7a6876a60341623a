using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;

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
        var scope = await SearchScope.FiltersAsync(access, member, filter.Unit, ct);
        if (scope is null)
        {
            return new SearchHits([], 0);
        }

        var filters = Filters(filter, openOnly).Concat(scope).ToList();
        var n = (int)Math.Min(int.MaxValue - 1, (long)skip + Math.Max(take, 1));
        return index.Search(searcher =>
        {
            var sort = new Sort(SortField.FIELD_SCORE, new SortField(TicketDocuments.ReceivedSort, SortFieldType.INT64, true));
            var top = searcher.Search(query, SearchScope.All(filters), n, sort, doDocScores: false, doMaxScore: false);
            var ids = top.ScoreDocs.Skip(skip).Take(take).Select(d => TicketIndex.IdOf(searcher, d.Doc)).ToList();
            return new SearchHits(ids, top.TotalHits);
        });
    }

    private IEnumerable<Filter> Filters(QueueFilter f, bool openOnly)
    {
        if (f.Status is { } status)
        {
            yield return SearchScope.Terms(TicketDocuments.Status, [status.ToString()]);
        }

        if (f.Kind is { } kind)
        {
            yield return SearchScope.Terms(TicketDocuments.Kind, [kind.ToString()]);
        }

        if (f.Severity is { } severity)
        {
            yield return SearchScope.Terms(TicketDocuments.Severity, [severity.ToString()]);
        }

        if (f.Category is { } category)
        {
            yield return SearchScope.Terms(TicketDocuments.Category, [category.ToString()]);
        }

        if (f.Channel is { } channel)
        {
            yield return SearchScope.Terms(TicketDocuments.Channel, [channel.ToString()]);
        }

        if (openOnly)
        {
            yield return SearchScope.Terms(TicketDocuments.Open, ["1"]);
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
}
