namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Which terms each entry contains and how rare each term is: the in-memory side of the index, used to
/// judge how much of a question an entry covers. Terms are interned to ints to keep 10,000 entries small.
/// </summary>
internal sealed class TermStatistics
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<int[]> _termsOfEntry = [];
    private readonly List<int[][]> _variantsOfEntry = [];

    public int EntryCount => _termsOfEntry.Count;

    public int TermCount => _termIds.Count;

    /// <param name="tokens">All tokens of the entry, every field.</param>
    /// <param name="variants">The tokens of each question variant and of the title, one list each.</param>
    public void AddEntry(IEnumerable<string> tokens, IEnumerable<IEnumerable<string>> variants)
    {
        var ids = new HashSet<int>();
        foreach (var token in tokens)
        {
            var id = Intern(token);
            if (ids.Add(id))
            {
                _documentFrequency[id]++;
            }
        }

        _termsOfEntry.Add(ToSortedArray(ids));
        _variantsOfEntry.Add(variants.Select(v => ToSortedArray(v.Select(Intern).ToHashSet())).ToArray());
    }

    /// <summary>
    /// How closely the question matches the entry's closest question variant (or title): idf-weighted Dice
    /// overlap, from 0 to 1. Long, chatty questions still score well if they contain one variant's words.
    /// </summary>
    public double VariantSimilarity(int entry, IReadOnlyList<string> tokens)
    {
        var queryIds = new List<(int Id, double Idf)>(tokens.Count);
        double queryMass = 0;
        foreach (var token in tokens)
        {
            var idf = Idf(token);
            queryMass += idf;
            queryIds.Add((_termIds.TryGetValue(token, out var id) ? id : -1, idf));
        }

        double best = 0;
        foreach (var variant in _variantsOfEntry[entry])
        {
            double shared = 0, variantMass = 0;
            foreach (var id in variant)
            {
                variantMass += Idf(_documentFrequency[id]);
            }

            foreach (var (id, idf) in queryIds)
            {
                if (id >= 0 && Array.BinarySearch(variant, id) >= 0)
                {
                    shared += idf;
                }
            }

            if (queryMass + variantMass > 0)
            {
                best = Math.Max(best, 2 * shared / (queryMass + variantMass));
            }
        }

        return best;
    }

    /// <summary>
    /// Of the tokens some entry contains (others cannot match), the <paramref name="count"/> with the highest
    /// idf; all of them when count is 0.
    /// </summary>
    public List<string> Rarest(List<string> tokens, int count)
    {
        var known = tokens.Where(_termIds.ContainsKey).ToList();
        return count <= 0 || known.Count <= count ? known : known.OrderByDescending(Idf).Take(count).ToList();
    }

    /// <summary>Share of the question's idf mass in terms no entry contains at all.</summary>
    public double UnknownShare(IReadOnlyList<string> tokens)
    {
        double total = 0, unknown = 0;
        foreach (var token in tokens)
        {
            var idf = Idf(token);
            total += idf;
            unknown += _termIds.ContainsKey(token) ? 0 : idf;
        }

        return total <= 0 ? 0 : unknown / total;
    }

    /// <summary>bm25's idf; a term no entry has gets the highest weight, since it is what the entry lacks.</summary>
    public double Idf(string token)
    {
        return Idf(_termIds.TryGetValue(token, out var id) ? _documentFrequency[id] : 0);
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1.0 + ((EntryCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private int Intern(string token)
    {
        if (!_termIds.TryGetValue(token, out var id))
        {
            id = _termIds.Count;
            _termIds.Add(token, id);
            _documentFrequency.Add(0);
        }

        return id;
    }

    private static int[] ToSortedArray(HashSet<int> ids)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    public double Coverage(int entry, IReadOnlyList<string> tokens)
    {
        double total = 0, covered = 0;
        var terms = _termsOfEntry[entry];
        foreach (var token in tokens)
        {
            var idf = Idf(token);
            total += idf;
            if (_termIds.TryGetValue(token, out var id) && Array.BinarySearch(terms, id) >= 0)
            {
                covered += idf;
            }
        }

        return total <= 0 ? 0 : covered / total;
    }
}
