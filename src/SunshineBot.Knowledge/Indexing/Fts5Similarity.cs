using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// bm25 as FTS5's <c>bm25()</c> computes it with column weights, on Lucene: idf × f·(k1+1) / (f + k1·(1 − b +
/// b·|entry| / avg|entry|)). The field weights arrive as repeated tokens (<see cref="WeightedTerms"/>), so
/// Lucene's term frequency is already FTS5's weighted count f; the repeats stand at position increment 0, and
/// the norm leaves them out, so |entry| is the entry's unweighted token count, as in FTS5. The norm is kept
/// exact (a long), not Lucene's one-byte approximation. Query norm and coord are 1: a question's score is the
/// plain sum over its terms.
/// </summary>
internal sealed class Fts5Similarity : Similarity
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    // Per document: k1·(1 − b + b·|entry| / avg|entry|), read once from the norms of the built index.
    private readonly float[] _saturation;

    /// <summary>For writing: only <see cref="ComputeNorm"/> is used.</summary>
    public Fts5Similarity()
        : this([])
    {
    }

    private Fts5Similarity(float[] saturation)
    {
        _saturation = saturation;
    }

    /// <summary>For searching one built index: its entry lengths, read from the norms of <paramref name="field"/>.</summary>
    public static Fts5Similarity ForReader(IndexReader reader, string field)
    {
        var lengths = new long[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var norms = leaf.AtomicReader.GetNormValues(field);
            for (var doc = 0; norms is not null && doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                lengths[leaf.DocBase + doc] = norms.Get(doc);
            }
        }

        var average = lengths.Length == 0 ? 1 : Math.Max(1e-9, lengths.Average());
        return new Fts5Similarity(lengths.Select(l => (float)(K1 * (1 - B + (B * l / average)))).ToArray());
    }

    /// <summary>k1·(1 − b + b·|entry| / avg|entry|) of one document of the reader this was made for.</summary>
    public float Saturation(int doc) => _saturation[doc];

    /// <summary>One term's share of an entry's score, exactly as the scorer computes it.</summary>
    public static float TermScore(double idf, float freq, float saturation) => (float)(idf * freq * (K1 + 1) / (freq + saturation));

    /// <summary>No entry gets more than this from one term: freq / (freq + saturation) stays below 1.</summary>
    public static double MaxTermScore(double idf) => idf * (K1 + 1);

    /// <summary>The token count without the repeats that carry field weights.</summary>
    public override long ComputeNorm(FieldInvertState state) => state.Length - state.NumOverlap;

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        var entries = collectionStats.DocCount > 0 ? collectionStats.DocCount : collectionStats.MaxDoc;
        double idf = 0;
        foreach (var term in termStats)
        {
            idf += Idf(entries, term.DocFreq);
        }

        return new Weight(idf * queryBoost);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        if (_saturation.Length == 0)
        {
            throw new InvalidOperationException("This similarity only writes; search with Fts5Similarity.ForReader.");
        }

        return new Scorer(((Weight)weight).Value, _saturation, context.DocBase);
    }

    /// <summary>FTS5 clamps the idf of a term in more than half the entries to a tiny positive number.</summary>
    public static double Idf(long entries, long documentFrequency)
    {
        var idf = Math.Log((entries - documentFrequency + 0.5) / (documentFrequency + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    private sealed class Weight(double idf) : SimWeight
    {
        public double Value { get; private set; } = idf;

        public override float GetValueForNormalization() => 1f;

        public override void Normalize(float queryNorm, float topLevelBoost) => Value *= topLevelBoost;
    }

    private sealed class Scorer(double idf, float[] saturation, int docBase) : SimScorer
    {
        public override float Score(int doc, float freq) => TermScore(idf, freq, saturation[docBase + doc]);

        public override float ComputeSlopFactor(int distance) => 1f;

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;
    }
}
