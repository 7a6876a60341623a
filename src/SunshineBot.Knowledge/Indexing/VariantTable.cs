namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// The terms of each entry's question variants (and title), for the re-rank: how close a question comes to
/// one variant. Not a search index — nothing is looked up by term here; Lucene finds the candidates, and
/// this only compares a question with the variants of the few it found.
/// </summary>
internal sealed class VariantTable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byText;
    private readonly int[][][] _variants;
    private readonly double[][] _mass;

    /// <param name="ids">Variant term → id.</param>
    /// <param name="variants">Per entry: the sorted ids of each variant's terms.</param>
    /// <param name="mass">Per entry and variant: the summed idf of its terms.</param>
    public VariantTable(Dictionary<string, int> ids, int[][][] variants, double[][] mass)
    {
        _ids = ids;
        _byText = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _variants = variants;
        _mass = mass;
    }

    public int TermCount => _ids.Count;

    /// <summary>Rough bytes held: the arrays and the term dictionary.</summary>
    public long ApproximateBytes =>
        (_ids.Count * 64L) + _variants.Sum(v => 24L + v.Sum(ids => 24L + (ids.Length * 4L))) + _mass.Sum(m => 24L + (m.Length * 8L));

    /// <summary>The id of a term that some variant holds, or -1.</summary>
    public int Find(string term) => _byText.TryGetValue(term, out var id) ? id : -1;

    /// <summary>
    /// How closely the question matches the entry's closest question variant (or title): idf-weighted Dice
    /// overlap, from 0 to 1. Long, chatty questions still score well if they contain one variant's words.
    /// </summary>
    public double Similarity(int entry, QueryTerm[] query)
    {
        double queryMass = 0;
        foreach (var term in query)
        {
            queryMass += term.Idf;
        }

        double best = 0;
        var variants = _variants[entry];
        for (var v = 0; v < variants.Length; v++)
        {
            double shared = 0;
            foreach (var term in query)
            {
                if (term.Known && term.VariantId >= 0 && Array.BinarySearch(variants[v], term.VariantId) >= 0)
                {
                    shared += term.Idf;
                }
            }

            var mass = queryMass + _mass[entry][v];
            if (mass > 0)
            {
                best = Math.Max(best, 2 * shared / mass);
            }
        }

        return best;
    }
}

/// <summary>
/// One distinct term of a question: its text, how many entries hold it, its (always positive, Lucene-style)
/// idf, and its id among the variant terms (-1 when no variant has it). A known term also carries where
/// Lucene found it (<see cref="Bytes"/>, <see cref="State"/>), so it is looked up in the term dictionary once.
/// </summary>
internal readonly record struct QueryTerm(string Text, int DocumentFrequency, double Idf, int VariantId)
{
    public bool Known => DocumentFrequency > 0;

    public Lucene.Net.Util.BytesRef? Bytes { get; init; }

    public Lucene.Net.Index.TermState? State { get; init; }

    public long TotalTermFrequency { get; init; }

    /// <summary>bm25's Lucene-style idf; a term no entry has gets the highest weight.</summary>
    public static double LuceneIdf(int entries, int documentFrequency) =>
        Math.Log(1.0 + ((entries - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
