using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Staff.Search;

/// <summary>A similar complaint: the ticket as the queue lists it, its score, and the group it is in.</summary>
public sealed record SimilarTicket(QueueItem Ticket, double Score, string? GroupNumber);

/// <summary>
/// Similar complaints (同类诉求): other parents' tickets about the same school (or, without a school, the same unit)
/// that are still open or were received within <see cref="TicketSearchOptions.SimilarWindow"/> of this one, ranked by
/// MoreLikeThis over the masked description. Inside the caller's scope; the same parent's own tickets are left out
/// (a repeat is the parent's own matter, not a second voice).
/// </summary>
public sealed class FindSimilarTickets(TicketIndex index, StaffAccess access, DeadlinePolicy deadlines, IOptions<TicketSearchOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Share of the description's terms a similar ticket must have. Every term is taken (a description is short): the
    /// most distinctive ones are this ticket's own and would otherwise crowd out the words it shares with others.
    /// </summary>
    private const double MinimumShare = 0.2;

    public async Task<IReadOnlyList<SimilarTicket>> RunAsync(StaffMember member, string number, CancellationToken ct)
    {
        var ticket = await access.LoadTicketAsync(member, number, ct);
        await index.CatchUpAsync(options.Value.MaxInlineCatchUp, ct);
        if (await SearchScope.FiltersAsync(access, member, null, ct) is not { } filters || Place(ticket) is not { } place)
        {
            return [];
        }

        var window = options.Value.SimilarWindow;
        var from = ticket.ReceivedAt - window;
        filters.Add(place);
        filters.Add(SearchScope.Any(
            SearchScope.Terms(TicketDocuments.Open, ["1"]),
            NumericRangeFilter.NewInt64Range(TicketDocuments.Received, from.UtcTicks, (ticket.ReceivedAt + window).UtcTicks, true, true)));
        var hits = index.Search(searcher =>
        {
            if (Like(searcher, FreeTextMask.Apply(ticket, ticket.Description)) is not { } like)
            {
                return [];
            }

            var query = new BooleanQuery { { like, Occur.MUST }, { new TermQuery(TicketIndex.IdTerm(ticket.Id)), Occur.MUST_NOT } };
            if (ticket.FiledBy is not null)
            {
                query.Add(new TermQuery(new Lucene.Net.Index.Term(TicketDocuments.Parent, TicketDocuments.ParentKey(ticket.FiledBy))), Occur.MUST_NOT);
            }

            var top = searcher.Search(query, SearchScope.All(filters), options.Value.SimilarLimit);
            return top.ScoreDocs.Select(d => (Id: TicketIndex.IdOf(searcher, d.Doc), Score: (double)d.Score)).ToList();
        });
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToList();
        var rows = await access.Tickets(member).AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var now = clock.GetUtcNow();
        return hits.Where(h => rows.ContainsKey(h.Id))
            .Select(h => new SimilarTicket(ListTickets.ToItem(rows[h.Id], deadlines.Evaluate(rows[h.Id], now)), Math.Round(h.Score, 3), rows[h.Id].GroupNumber))
            .ToList();
    }

    /// <summary>The same school by its unit code, else by its name, else the same handling or receiving unit.</summary>
    private static Filter? Place(Ticket t) =>
        t.SchoolUnitCode is { } school ? SearchScope.Terms(TicketDocuments.SchoolUnit, [school])
        : t.SchoolName?.Trim() is { Length: > 0 } name ? SearchScope.Terms(TicketDocuments.School, [name])
        : t.HandlingUnitCode is { } handling ? SearchScope.Terms(TicketDocuments.Handling, [handling])
        : t.ReceivingUnitCode is { } receiving ? SearchScope.Terms(TicketDocuments.Receiving, [receiving])
        : null;

    private BooleanQuery? Like(IndexSearcher searcher, string description)
    {
        var mlt = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = index.Analysis.Documents,
            FieldNames = [TicketDocuments.Description],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MaxQueryTerms = 200,
        };
        using var reader = new StringReader(description);
        if (mlt.Like(reader, TicketDocuments.Description) is not BooleanQuery like || like.Clauses.Count == 0)
        {
            return null;
        }

        like.MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(like.Clauses.Count * MinimumShare));
        return like;
    }
}
