namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// How rare each term is and which terms each question variant holds: used to judge how much of a question
/// an entry covers and how close it comes to one of the entry's question variants.
/// </summary>
internal sealed class TermStatistics
{
    private readonly InvertedIndex _index;
    private readonly int[][][] _variantsOfEntry;
    private readonly double[][] _variantMass;

    /// <param name="variantsOfEntry">Per entry: the sorted term ids of each question variant and of the title.</param>
    public TermStatistics(InvertedIndex index, int[][][] variantsOfEntry)
    {
        _index = index;
        _variantsOfEntry = variantsOfEntry;
        _variantMass = variantsOfEntry.Select(variants => variants.Select(v => v.Sum(id => Idf(index.DocumentFrequency(id)))).ToArray()).ToArray();
    }

    public int EntryCount => _index.EntryCount;

    /// <summary>A question's terms, each with its id (-1 if no entry has it) and idf.</summary>
    public QueryTerm[] Resolve(IReadOnlyList<string> tokens)
    {
        var terms = new QueryTerm[tokens.Count];
        for (var i = 0; i < terms.Length; i++)
        {
            var id = _index.TermId(tokens[i]);
            var df = _index.DocumentFrequency(id);
            terms[i] = new QueryTerm(df > 0 ? id : -1, Idf(df));
        }

        return terms;
    }

    /// <summary>
    /// How closely the question matches the entry's closest question variant (or title): idf-weighted Dice
    /// overlap, from 0 to 1. Long, chatty questions still score well if they contain one variant's words.
    /// </summary>
    public double VariantSimilarity(int entry, QueryTerm[] query)
    {
        double queryMass = 0;
        foreach (var term in query)
        {
            queryMass += term.Idf;
        }

        double best = 0;
        var variants = _variantsOfEntry[entry];
        for (var v = 0; v < variants.Length; v++)
        {
            double shared = 0;
            foreach (var term in query)
            {
                if (term.Id >= 0 && Array.BinarySearch(variants[v], term.Id) >= 0)
                {
                    shared += term.Idf;
                }
            }

            var mass = queryMass + _variantMass[entry][v];
            if (mass > 0)
            {
                best = Math.Max(best, 2 * shared / mass);
            }
        }

        return best;
    }

    /// <summary>Share (by idf) of the question's terms that the entry contains, from 0 to 1.</summary>
    public double Coverage(int entry, QueryTerm[] query)
    {
        double total = 0, covered = 0;
        foreach (var term in query)
        {
            total += term.Idf;
            if (_index.Contains(term.Id, entry))
            {
                covered += term.Idf;
            }
        }

        return total <= 0 ? 0 : covered / total;
    }

    /// <summary>Of the terms some entry contains (others cannot match), the <paramref name="count"/> rarest; all when 0.</summary>
    public static List<int> Rarest(QueryTerm[] query, int count)
    {
        var known = query.Where(t => t.Id >= 0);
        if (count > 0)
        {
            known = known.OrderByDescending(t => t.Idf).Take(count);
        }

        return known.Select(t => t.Id).ToList();
    }

    /// <summary>Share of the question's idf mass in terms no entry contains at all.</summary>
    public static double UnknownShare(QueryTerm[] query)
    {
        double total = 0, unknown = 0;
        foreach (var term in query)
        {
            total += term.Idf;
            unknown += term.Id < 0 ? term.Idf : 0;
        }

        return total <= 0 ? 0 : unknown / total;
    }

    /// <summary>bm25's (Lucene-style, always positive) idf; a term no entry has gets the highest weight.</summary>
    private double Idf(int documentFrequency) =>
        Math.Log(1.0 + ((EntryCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}

/// <summary>One distinct term of a question: its id (-1 when no entry contains it) and its idf.</summary>
internal readonly record struct QueryTerm(int Id, double Idf);
