using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// An immutable Lucene index of the entries, in memory: bm25 as FTS5 scores it (<see cref="Fts5Similarity"/>)
/// picks the candidates; coverage and closeness to one question variant re-order them. Safe for concurrent
/// queries; holds managed memory only, so a replaced index is simply left to the GC.
/// </summary>
public sealed class KbIndex
{
    private readonly KbEntry[] _entries;
    private readonly IReadOnlyList<KbCitation>[] _citations;
    private readonly Dictionary<string, int> _entryAt;
    private readonly ByteArrayDirectory _directory;
    private readonly AtomicReader _leaf;
    private readonly Terms? _terms;
    private readonly TopEntries _top;
    private readonly VariantTable _variants;
    private readonly PolicyPassages _passages;
    private readonly ChineseLuceneAnalyzer _questions;

    internal KbIndex(KbEntry[] entries, IReadOnlyList<KbCitation>[] citations, ByteArrayDirectory directory, DirectoryReader reader,
        VariantTable variants, PolicyPassages passages, KbIndexOptions options, ChineseAnalyzer analyzer, ChineseLuceneAnalyzer questions)
    {
        _entries = entries;
        _citations = citations;
        _entryAt = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            _entryAt.TryAdd(entries[i].Id, i);
        }

        // One searcher for the life of this index: it never changes, and a rebuild makes a new KbIndex.
        _directory = directory;
        _leaf = reader.Leaves.Count > 0 ? reader.Leaves[0].AtomicReader : SlowCompositeReaderWrapper.Wrap(reader);
        var similarity = Fts5Similarity.ForReader(reader, KbIndexBuilder.TextField);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        _terms = _leaf.GetTerms(KbIndexBuilder.TextField);
        _top = new TopEntries(searcher, _leaf, similarity, _terms, options.PruneCommonTerms);
        _variants = variants;
        _passages = passages;
        _questions = questions;
        Analyzer = analyzer;
        Options = options;
    }

    public ChineseAnalyzer Analyzer { get; }

    public KbIndexOptions Options { get; }

    public IReadOnlyList<KbEntry> Entries => _entries;

    /// <summary>Distinct terms in the entries' index.</summary>
    public int TermCount => (int)(_terms?.Count ?? 0);

    /// <summary>Number of (term, entry) pairs: the size of the postings.</summary>
    public long PostingCount => _terms?.SumDocFreq ?? 0;

    /// <summary>Bytes held: the Lucene directories (entries and policy passages) and the variant table.</summary>
    public long MemoryBytes => _directory.SizeInBytes + _passages.MemoryBytes + _variants.ApproximateBytes;

    /// <summary>Share of the question's weight in terms the whole kb never uses: high for off-topic questions.</summary>
    public double UnknownShare(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var terms = Resolve(CoverageTokens(_questions.Terms(question)));
        double total = 0, unknown = 0;
        foreach (var term in terms)
        {
            total += term.Idf;
            unknown += term.Known ? 0 : term.Idf;
        }

        return total <= 0 ? 0 : unknown / total;
    }

    /// <summary>Ranks entries for a question; at most <paramref name="limit"/> hits, best first.</summary>
    public IReadOnlyList<KbHit> Search(string question, int limit)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = _questions.Terms(question);
        if (tokens.Count == 0 || limit <= 0 || _entries.Length == 0)
        {
            return [];
        }

        // bm25 picks the candidates; closeness to one question variant re-orders them, which helps long,
        // chatty questions that happen to share words with a long answer (see docs/benchmarks.md).
        var resolved = Resolve(tokens);
        var ranking = resolved.Where(t => t.Known);
        if (Options.MaxQueryTerms > 0)
        {
            ranking = ranking.OrderByDescending(t => t.Idf).Take(Options.MaxQueryTerms);
        }

        var ranked = _top.Search(ranking.ToArray(), Math.Max(limit, Options.RerankDepth));
        if (ranked.Length == 0)
        {
            return [];
        }

        var coverageTerms = CoverageTerms(resolved);
        var coverage = Coverage(ranked, coverageTerms);
        double top = ranked[0].Score;
        return ranked
            .Select((r, i) =>
            {
                var similarity = _variants.Similarity(r.Doc, coverageTerms);
                var relevance = (top > 0 ? r.Score / top : 0) + (Options.SimilarityWeight * similarity);
                return new KbHit(_entries[r.Doc], r.Score, coverage[i], similarity, relevance, _citations[r.Doc]);
            })
            .OrderByDescending(h => h.Relevance)
            .Take(limit)
            .ToList();
    }

    /// <summary>The citations of an entry, each with the passage of the policy that best matches the question.</summary>
    public IReadOnlyList<KbCitation> CitationsWithPassages(KbEntry entry, string question)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(question);
        return _entryAt.TryGetValue(entry.Id, out var at) ? _passages.Cite(at, _entries[at], _citations[at], question) : [];
    }

    /// <summary>A CJK unigram is already inside the bigrams around it; coverage is judged on bigrams and words.</summary>
    internal static List<string> CoverageTokens(List<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return tokens;
        }

        var meaningful = tokens.Where(t => t.Length > 1 || !ChineseNormalizer.IsCjk(t[0])).ToList();
        return meaningful.Count > 0 ? meaningful : tokens;
    }

    private QueryTerm[] Resolve(List<string> tokens)
    {
        var seek = _terms?.GetEnumerator();
        var resolved = new QueryTerm[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var bytes = new BytesRef(tokens[i]);
            var found = seek is not null && seek.SeekExact(bytes);
            var df = found ? seek!.DocFreq : 0;
            resolved[i] = new QueryTerm(tokens[i], df, QueryTerm.LuceneIdf(_entries.Length, df), _variants.Find(tokens[i]))
            {
                Bytes = bytes,
                State = found ? seek!.GetTermState() : null,
                TotalTermFrequency = found ? seek!.TotalTermFreq : 0,
            };
        }

        return resolved;
    }

    /// <summary>The question's terms that coverage counts (<see cref="CoverageTokens"/>), as already resolved.</summary>
    private static QueryTerm[] CoverageTerms(QueryTerm[] resolved)
    {
        var meaningful = resolved.Where(t => t.Text.Length > 1 || !ChineseNormalizer.IsCjk(t.Text[0])).ToArray();
        return meaningful.Length > 0 ? meaningful : resolved;
    }

    /// <summary>Per hit: the share (by idf) of the question's terms that the entry contains, from 0 to 1.</summary>
    private double[] Coverage(ScoreDoc[] hits, QueryTerm[] terms)
    {
        var covered = new double[hits.Length];
        double total = 0;
        foreach (var term in terms)
        {
            total += term.Idf;
        }

        if (total <= 0 || _terms is null)
        {
            return covered;
        }

        var order = Enumerable.Range(0, hits.Length).OrderBy(i => hits[i].Doc).ToArray();
        var seek = _terms.GetEnumerator();
        DocsEnum? docs = null;
        foreach (var term in terms)
        {
            if (!term.Known)
            {
                continue;
            }

            seek.SeekExact(term.Bytes, term.State);
            docs = seek.Docs(null, docs, DocsFlags.NONE);
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
                    covered[i] += term.Idf;
                }
            }
        }

        for (var i = 0; i < covered.Length; i++)
        {
            covered[i] /= total;
        }

        return covered;
    }
}
