using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// The bm25 top n of a question, exactly as the plain query of all its terms would rank them, without walking
/// the long postings of terms too common to change that top n (MaxScore): a term never adds more than
/// idf·(k1+1) to an entry. A first query over the question's rarest terms finds n candidates; their full
/// scores give a floor θ that the n-th best entry reaches. The commonest terms whose bounds sum below θ cannot
/// lift an entry that matches nothing else into the top n, so the second query requires one of the other
/// terms and only adds theirs to the entries it finds. Typically these are the single characters and common
/// bigrams of a long question; on a small kb or a short question the plain query is cheap and used as is.
/// </summary>
internal sealed class TopEntries
{
    // Below this many postings in all, walking them all is cheaper than planning.
    private const long PlainPostings = 20_000;

    // The first query's terms hold at most this share of the question's postings (at least its rarest term).
    private const int FirstShare = 16;

    // The common terms' bounds may sum to at most this share of θ: a larger share prunes more postings but
    // leaves more entries to advance to (measured at 10,000 entries: 0.3–0.6 are best).
    private const double CommonShare = 0.5;

    // Scores are floats summed in another order than here: keep well clear of θ.
    private const double Margin = 1e-4;

    private readonly IndexSearcher _searcher;
    private readonly AtomicReader _leaf;
    private readonly Fts5Similarity _similarity;
    private readonly Terms? _terms;
    private readonly int _entries;

    private readonly bool _prune;

    public TopEntries(IndexSearcher searcher, AtomicReader leaf, Fts5Similarity similarity, Terms? terms, bool prune)
    {
        _prune = prune;
        _searcher = searcher;
        _leaf = leaf;
        _similarity = similarity;
        _terms = terms;
        _entries = terms?.DocCount is > 0 and var count ? count : leaf.MaxDoc;
    }

    /// <summary>The top <paramref name="n"/> entries by bm25 over the known <paramref name="terms"/>, best first.</summary>
    public ScoreDoc[] Search(QueryTerm[] terms, int n)
    {
        if (terms.Length == 0 || n <= 0)
        {
            return [];
        }

        long postings = 0;
        foreach (var term in terms)
        {
            postings += term.DocumentFrequency;
        }

        if (!_prune || postings <= PlainPostings || terms.Length == 1)
        {
            return Run(Any(terms), n);
        }

        var rarest = terms.OrderBy(t => t.DocumentFrequency).ToArray();
        var take = 1;
        for (long sum = rarest[0].DocumentFrequency; take < rarest.Length && sum + rarest[take].DocumentFrequency <= postings / FirstShare; take++)
        {
            sum += rarest[take].DocumentFrequency;
        }

        var first = Run(Any(rarest.Take(take)), n);
        if (first.Length < n)
        {
            return Run(Any(terms), n);
        }

        var floor = FullScores(first, terms).Min();
        var byBound = terms.OrderBy(Bound).ToArray();
        var optional = 0;
        double bounds = 0;
        while (optional < byBound.Length - 1 && (bounds + Bound(byBound[optional])) * (1 + Margin) < floor * CommonShare)
        {
            bounds += Bound(byBound[optional]);
            optional++;
        }

        if (optional == 0)
        {
            return Run(Any(terms), n);
        }

        // Only entries whose score from the other terms comes within the bounds of θ can make the top n;
        // they alone get the common terms' share added, by advancing along those postings to them, the
        // weightiest term first, and an entry is dropped as soon as what is left cannot lift it to θ.
        var survivors = new AtLeast((float)((floor / (1 + Margin)) - bounds));
        _searcher.Search(Any(byBound.Skip(optional)), survivors);
        var docs = survivors.Hits.Select(h => h.Doc).Order().ToArray();
        var scores = docs.Select(d => (double)survivors.Score(d)).ToArray();
        var count = docs.Length;
        var seek = _terms!.GetEnumerator();
        DocsEnum? walk = null;
        for (var t = optional - 1; t >= 0; t--)
        {
            var term = byBound[t];
            seek.SeekExact(term.Bytes, term.State);
            walk = seek.Docs(_leaf.LiveDocs, walk, DocsFlags.FREQS);
            AddTerm(walk, Fts5Similarity.Idf(_entries, term.DocumentFrequency), docs, scores, count);
            bounds -= Bound(term);
            count = Keep(docs, scores, count, (floor / (1 + Margin)) - bounds);
        }

        return [.. Enumerable.Range(0, count).Select(i => new ScoreDoc(docs[i], (float)scores[i]))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Doc).Take(n)];
    }

    private double Bound(QueryTerm term) => Fts5Similarity.MaxTermScore(Fts5Similarity.Idf(_entries, term.DocumentFrequency));

    private ScoreDoc[] Run(Query query, int n) => _searcher.Search(query, n).ScoreDocs;

    private BooleanQuery Any(IEnumerable<QueryTerm> terms)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            query.Add(TermQuery(term), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>A term query that reuses the lookup the question's analysis already made.</summary>
    private TermQuery TermQuery(QueryTerm term) =>
        new(new Term(KbIndexBuilder.TextField, term.Bytes), new TermContext(_searcher.TopReaderContext, term.State, 0, term.DocumentFrequency, term.TotalTermFrequency));

    /// <summary>Each hit's bm25 over the given terms, as Lucene scores them.</summary>
    private double[] FullScores(ScoreDoc[] hits, QueryTerm[] terms)
    {
        var scores = new double[hits.Length];
        var order = Enumerable.Range(0, hits.Length).OrderBy(i => hits[i].Doc).ToArray();
        var seek = _terms!.GetEnumerator();
        DocsEnum? docs = null;
        foreach (var term in terms)
        {
            seek.SeekExact(term.Bytes, term.State);
            docs = seek.Docs(_leaf.LiveDocs, docs, DocsFlags.FREQS);
            var idf = Fts5Similarity.Idf(_entries, term.DocumentFrequency);
            var current = -1;
            foreach (var i in order)
            {
                if (current < hits[i].Doc)
                {
                    current = docs.Advance(hits[i].Doc);
                }

                if (current == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (current == hits[i].Doc)
                {
                    scores[i] += Fts5Similarity.TermScore(idf, docs.Freq, _similarity.Saturation(current));
                }
            }
        }

        return scores;
    }

    /// <summary>Adds one term's score to each of the first <paramref name="count"/> entries (sorted) that hold it.</summary>
    private void AddTerm(DocsEnum postings, double idf, int[] docs, double[] scores, int count)
    {
        var current = -1;
        for (var i = 0; i < count; i++)
        {
            if (current < docs[i])
            {
                current = postings.Advance(docs[i]);
            }

            if (current == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }

            if (current == docs[i])
            {
                scores[i] += Fts5Similarity.TermScore(idf, postings.Freq, _similarity.Saturation(current));
            }
        }
    }

    /// <summary>Moves the entries scoring at least <paramref name="min"/> to the front, in order; returns how many.</summary>
    private static int Keep(int[] docs, double[] scores, int count, double min)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (scores[i] >= min)
            {
                docs[kept] = docs[i];
                scores[kept] = scores[i];
                kept++;
            }
        }

        return kept;
    }

    /// <summary>Every entry the query scores at least <c>min</c>, in any order.</summary>
    private sealed class AtLeast(float min) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        private readonly Dictionary<int, float> _scores = [];

        public List<ScoreDoc> Hits { get; } = [];

        public float Score(int doc) => _scores[doc];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var score = _scorer!.GetScore();
            if (score >= min)
            {
                Hits.Add(new ScoreDoc(_docBase + doc, score));
                _scores[_docBase + doc] = score;
            }
        }
    }
}
