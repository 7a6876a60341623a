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

    // Postings shorter than this are cheaper to walk than to check whether they can be skipped.
    private const int PruneCheckLength = 256;

    private readonly TermDictionary _terms;
    private readonly int[] _offsets;
    private readonly int[] _entries;
    private readonly float[] _weights;
    private readonly double[] _idf;
    private readonly double[] _maxContribution;

    /// <param name="offsets">Term t's postings are <c>[offsets[t], offsets[t + 1])</c>.</param>
    public InvertedIndex(TermDictionary terms, int entryCount, int[] offsets, int[] entries, float[] weights)
    {
        _terms = terms;
        EntryCount = entryCount;
        _offsets = offsets;
        _entries = entries;
        _weights = weights;
        _idf = new double[terms.Count];
        _maxContribution = new double[terms.Count];
        for (var term = 0; term < _idf.Length; term++)
        {
            // FTS5 clamps the idf of a term in more than half the entries to a tiny positive number.
            var df = DocumentFrequency(term);
            var idf = Math.Log((entryCount - df + 0.5) / (df + 0.5));
            _idf[term] = idf <= 0 ? 1e-6 : idf;
            var maxWeight = 0f;
            foreach (var weight in weights.AsSpan(offsets[term], df))
            {
                maxWeight = Math.Max(maxWeight, weight);
            }

            _maxContribution[term] = _idf[term] * maxWeight;
        }
    }

    public int EntryCount { get; }

    public int TermCount => _terms.Count;

    public int PostingCount => _entries.Length;

    /// <summary>Bytes held by the postings arrays (the term dictionary comes on top).</summary>
    public long PostingBytes => (_entries.Length * 8L) + (_offsets.Length * 4L) + (_idf.Length * 16L);

    /// <summary>The term's id, or -1 when no entry was ever analysed into it.</summary>
    public int TermId(ReadOnlySpan<char> token) => _terms.Find(token);

    public int DocumentFrequency(int term) => term < 0 ? 0 : _offsets[term + 1] - _offsets[term];

    public bool Contains(int term, int entry) =>
        term >= 0 && Array.BinarySearch(_entries, _offsets[term], DocumentFrequency(term), entry) >= 0;

    /// <summary>
    /// The <paramref name="limit"/> entries with the highest bm25 for these (distinct) terms, best first; ties
    /// go to the entry indexed first. Only entries containing at least one of the terms are returned.
    /// </summary>
    /// <remarks>
    /// Exact, but pruned (the MaxScore idea): terms are walked from the highest possible contribution down.
    /// Once the terms left could add less than the current tenth-best score, no entry untouched so far can
    /// reach the top; the entries that still can are then finished by binary search in the remaining
    /// postings instead of walking them. Common characters (学, 校) are the long postings, and they come last.
    /// </remarks>
    public List<(int Entry, double Score)> Top(IReadOnlyList<int> terms, int limit)
    {
        var scratch = Scratch.For(EntryCount);
        try
        {
            return Rank(terms, limit, scratch.Scores, scratch.Touched);
        }
        finally
        {
            // Also after an exception: the next query on this thread must start from zeros.
            foreach (var entry in scratch.Touched)
            {
                scratch.Scores[entry] = 0;
            }

            scratch.Touched.Clear();
        }
    }

    private List<(int Entry, double Score)> Rank(IReadOnlyList<int> terms, int limit, double[] scores, List<int> touched)
    {
        var order = terms.OrderByDescending(t => _maxContribution[t]).ThenBy(t => t).ToArray();
        double remaining = 0;
        long remainingPostings = 0;
        foreach (var term in order)
        {
            remaining += _maxContribution[term];
            remainingPostings += DocumentFrequency(term);
        }

        var next = 0;
        var walkedSinceCheck = (long)int.MaxValue;
        List<int>? candidates = null;
        for (; next < order.Length; next++)
        {
            var term = order[next];
            var length = DocumentFrequency(term);
            if (length >= PruneCheckLength && touched.Count >= limit && walkedSinceCheck >= touched.Count)
            {
                walkedSinceCheck = 0;
                candidates = Survivors(scores, touched, limit, remaining);
                if (candidates is not null)
                {
                    break;
                }
            }

            var start = _offsets[term];
            var entries = _entries.AsSpan(start, length);
            var weights = _weights.AsSpan(start, length);
            var idf = _idf[term];
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i];
                if (scores[entry] == 0)
                {
                    touched.Add(entry);
                }

                scores[entry] += idf * weights[i];
            }

            walkedSinceCheck += length;
            remaining -= _maxContribution[term];
        }

        if (candidates is not null)
        {
            for (; next < order.Length; next++)
            {
                AddByLookup(order[next], candidates, scores);
                remaining -= _maxContribution[order[next]];
                if (candidates.Count > limit)
                {
                    candidates = Survivors(scores, candidates, limit, remaining) ?? candidates;
                }
            }
        }

        return Best(scores, candidates ?? touched, limit);
    }

    /// <summary>
    /// The touched entries that could still make the top <paramref name="limit"/> with at most
    /// <paramref name="remaining"/> more score, ascending; null while any untouched entry still could.
    /// </summary>
    private static List<int>? Survivors(double[] scores, List<int> touched, int limit, double remaining)
    {
        var threshold = Best(scores, touched, limit)[^1].Score;
        // A hair of slack for rounding: keeping one entry too many costs nothing, dropping one would.
        var slack = 1e-9 * threshold;
        if (remaining >= threshold - slack)
        {
            return null;
        }

        var bar = threshold - remaining - slack;
        var survivors = touched.Where(e => scores[e] >= bar).ToList();
        survivors.Sort();
        return survivors;
    }

    private void AddByLookup(int term, List<int> candidates, double[] scores)
    {
        var low = _offsets[term];
        var end = _offsets[term + 1];
        var idf = _idf[term];
        foreach (var entry in candidates)
        {
            if (low >= end)
            {
                return;
            }

            var at = Array.BinarySearch(_entries, low, end - low, entry);
            if (at >= 0)
            {
                scores[entry] += idf * _weights[at];
                low = at + 1;
            }
            else
            {
                low = ~at;
            }
        }
    }

    /// <summary>The best <paramref name="limit"/> of the given entries, best first, ties to the lower entry.</summary>
    private static List<(int Entry, double Score)> Best(double[] scores, List<int> entries, int limit)
    {
        var top = new List<(int Entry, double Score)>(limit + 1);
        foreach (var entry in entries)
        {
            var score = scores[entry];
            if (top.Count == limit && (score < top[^1].Score || (score == top[^1].Score && entry > top[^1].Entry)))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && (top[at - 1].Score < score || (top[at - 1].Score == score && top[at - 1].Entry > entry)))
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

    /// <summary>Per-thread accumulators, reused across queries: all zero and empty between queries.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_current;

        private Scratch(int size)
        {
            Scores = new double[size];
        }

        public double[] Scores { get; }

        public List<int> Touched { get; } = [];

        public static Scratch For(int entryCount) =>
            t_current is { } current && current.Scores.Length >= entryCount ? current : (t_current = new Scratch(Math.Max(entryCount, 1)));
    }
}
