using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Web.Staff.Access;

// EF Core translates the comparison-less StartsWith to SQL; the culture rules do not apply.
#pragma warning disable CA1310
namespace SunshineBot.Web.Staff.Search;

/// <summary>
/// The staff scope (<see cref="StaffAccess.Scope"/>) as filters on the ticket index, and the filter combinators the
/// searches share. Hits are read back through <see cref="StaffAccess"/> as well: the index narrows, the database decides.
/// </summary>
public static class SearchScope
{
    /// <summary>
    /// The caller's scope as index filters (null: nothing in scope). A unit filter narrows it to that unit's subtree,
    /// which <see cref="StaffAccess.LoadUnitAsync"/> checks is the caller's to see.
    /// </summary>
    public static async Task<List<Filter>?> FiltersAsync(StaffAccess access, StaffMember member, string? unit, CancellationToken ct)
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

    public static Filter Terms(string field, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? new QueryWrapperFilter(new BooleanQuery()) : new TermsFilter(values.Select(v => new Term(field, v)).ToArray());

    public static Filter Any(params Filter[] filters)
    {
        var any = new BooleanFilter();
        foreach (var f in filters)
        {
            any.Add(new FilterClause(f, Occur.SHOULD));
        }

        return any;
    }

    public static Filter? All(IReadOnlyCollection<Filter> filters)
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
