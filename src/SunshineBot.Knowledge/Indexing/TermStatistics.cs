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

    public int EntryCount => _termsOfEntry.Count;

    public int TermCount => _termIds.Count;

    public void AddEntry(IEnumerable<string> tokens)
    {
        var ids = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (!_termIds.TryGetValue(token, out var id))
            {
                id = _termIds.Count;
                _termIds.Add(token, id);
                _documentFrequency.Add(0);
            }

            if (ids.Add(id))
            {
                _documentFrequency[id]++;
            }
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted);
        _termsOfEntry.Add(sorted);
    }

    /// <summary>bm25's idf; a term no entry has gets the highest weight, since it is what the entry lacks.</summary>
    public double Idf(string token)
    {
        var n = EntryCount;
        var df = _termIds.TryGetValue(token, out var id) ? _documentFrequency[id] : 0;
        return Math.Log(1.0 + ((n - df + 0.5) / (df + 0.5)));
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
