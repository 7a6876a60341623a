namespace SunshineBot.Web.Staff.Search;

/// <summary>Configuration section <c>Search</c>: this instance's ticket index (docs/adr/0006-ticket-search-index.md).</summary>
public sealed class TicketSearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// This instance's own index folder (relative paths resolve against the content root). Empty keeps the index in
    /// memory and rebuilds it from the database at every start: fine for a small ledger, slow at a million tickets.
    /// Two instances must never share one folder.
    /// </summary>
    public string IndexPath { get; set; } = "";

    /// <summary>How often the index reads the tickets saved since it last looked (searches also catch up first).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tickets read per round trip while catching up.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>At most this many tickets are caught up inside a search; the background loop does the rest of a rebuild.</summary>
    public int MaxInlineCatchUp { get; set; } = 2000;

    /// <summary>Similar complaints: how far back a ticket counts as recent.</summary>
    public TimeSpan SimilarWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Similar complaints listed at most.</summary>
    public int SimilarLimit { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (CatchUpInterval <= TimeSpan.Zero)
        {
            yield return "Search:CatchUpInterval must be positive";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return "Search:BatchSize must be between 1 and 10000";
        }

        if (MaxInlineCatchUp < 0)
        {
            yield return "Search:MaxInlineCatchUp must not be negative";
        }

        if (SimilarWindow <= TimeSpan.Zero || SimilarLimit < 1)
        {
            yield return "Search:SimilarWindow and Search:SimilarLimit must be positive";
        }
    }
}
