namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// Postings of every term in flat arrays (the entries that contain it, ascending, each with its bm25 term
/// weight precomputed), and bm25 by term-at-a-time accumulation. The score is the one FTS5's <c>bm25()</c>
/// gives with column weights: idf × f·(k1+1) / (f + k1·(1 − b + b·|entry| / avg|entry|)), where f is the
/// column-weighted count of the term in the entry. Immutable once built; safe for concurrent queries.
/// </summary>
internal sealed class InvertedIndex
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    [ThreadStatic]
    private static double[]? t_scores;

    private readonly TermDictionary _terms;
    private readonly int[] _offsets;
    private readonly int[] _entries;
    private readonly float[] _weights;
    private readonly double[] _idf;

    /// <param name="offsets">Term t's postings are <c>[offsets[t], offsets[t + 1])</c>.</param>
    public InvertedIndex(TermDictionary terms, int entryCount, int[] offsets, int[] entries, float[] weights)
    {
        _terms = terms;
        EntryCount = entryCount;
        _offsets = offsets;
        _entries = entries;
        _weights = weights;
        _idf = new double[terms.Count];
        for (var term = 0; term < _idf.Length; term++)
        {
            // FTS5 clamps the idf of a term in more than half the entries to a tiny positive number.
            var df = DocumentFrequency(term);
            var idf = Math.Log((entryCount - df + 0.5) / (df + 0.5));
            _idf[term] = idf <= 0 ? 1e-6 : idf;
        }
    }

    public int EntryCount { get; }

    public int TermCount => _terms.Count;

    public int PostingCount => _entries.Length;

    /// <summary>Bytes held by the postings arrays (the term dictionary comes on top).</summary>
    public long PostingBytes => (_entries.Length * 8L) + (_offsets.Length * 4L) + (_idf.Length * 8L);

    /// <summary>The term's id, or -1 when no entry was ever analysed into it.</summary>
    public int TermId(ReadOnlySpan<char> token) => _terms.Find(token);

    public int DocumentFrequency(int term) => term < 0 ? 0 : _offsets[term + 1] - _offsets[term];

    public bool Contains(int term, int entry) =>
        term >= 0 && Array.BinarySearch(_entries, _offsets[term], DocumentFrequency(term), entry) >= 0;

    /// <summary>
    /// The <paramref name="limit"/> entries with the highest bm25 for these (distinct) terms, best first; ties
    /// go to the entry indexed first. Only entries containing at least one of the terms are returned.
    /// </summary>
    public List<(int Entry, double Score)> Top(IReadOnlyList<int> terms, int limit)
    {
        var scores = t_scores is { } scratch && scratch.Length >= EntryCount ? scratch : (t_scores = new double[EntryCount]);
        foreach (var term in terms)
        {
            var start = _offsets[term];
            var entries = _entries.AsSpan(start, _offsets[term + 1] - start);
            var weights = _weights.AsSpan(start, entries.Length);
            var idf = _idf[term];
            for (var i = 0; i < entries.Length; i++)
            {
                scores[entries[i]] += idf * weights[i];
            }
        }

        // One pass collects the best few and clears the scratch array for the next query on this thread.
        var top = new List<(int Entry, double Score)>(limit + 1);
        for (var entry = 0; entry < EntryCount; entry++)
        {
            var score = scores[entry];
            if (score == 0)
            {
                continue;
            }

            scores[entry] = 0;
            if (top.Count == limit && score <= top[^1].Score)
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && top[at - 1].Score < score)
            {
                at--;
            }

            top.Insert(at, (entry, score));
            if (top.Count > limit)
            {
                top.RemoveAt(limit);
            }
        }

        return top;
    }
}
