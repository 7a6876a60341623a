using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// An immutable in-memory index of the entries: postings of pre-analysed tokens ranked by bm25 with field
/// weights (<see cref="InvertedIndex"/>), plus term statistics for coverage and variant similarity. Safe for
/// concurrent queries; holds no native resources, so a replaced index is simply left to the GC.
/// </summary>
public sealed class KbIndex
{
    private readonly KbEntry[] _entries;
    private readonly IReadOnlyList<KbCitation>[] _citations;
    private readonly InvertedIndex _inverted;
    private readonly TermStatistics _terms;

    internal KbIndex(KbEntry[] entries, IReadOnlyList<KbCitation>[] citations, InvertedIndex inverted, TermStatistics terms,
        KbIndexOptions options, ChineseAnalyzer analyzer)
    {
        _entries = entries;
        _citations = citations;
        _inverted = inverted;
        _terms = terms;
        Analyzer = analyzer;
        Options = options;
    }

    public ChineseAnalyzer Analyzer { get; }

    public KbIndexOptions Options { get; }

    public IReadOnlyList<KbEntry> Entries => _entries;

    public int TermCount => _inverted.TermCount;

    /// <summary>Number of (term, entry) pairs: the size of the postings.</summary>
    public int PostingCount => _inverted.PostingCount;

    /// <summary>Share of the question's weight in terms the whole kb never uses: high for off-topic questions.</summary>
    public double UnknownShare(string question) =>
        TermStatistics.UnknownShare(_terms.Resolve(CoverageTokens(Analyzer.AnalyzeQuery(question))));

    /// <summary>Ranks entries for a question; at most <paramref name="limit"/> hits, best first.</summary>
    public IReadOnlyList<KbHit> Search(string question, int limit)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = Analyzer.AnalyzeQuery(question);
        if (tokens.Count == 0 || limit <= 0)
        {
            return [];
        }

        // bm25 picks the candidates; closeness to one question variant re-orders them, which helps long,
        // chatty questions that happen to share words with a long answer (see docs/benchmarks.md).
        var queryTerms = TermStatistics.Rarest(_terms.Resolve(tokens), Options.MaxQueryTerms);
        var ranked = queryTerms.Count == 0 ? [] : _inverted.Top(queryTerms, Math.Max(limit, Options.RerankDepth));
        if (ranked.Count == 0)
        {
            return [];
        }

        var coverageTerms = _terms.Resolve(CoverageTokens(tokens));
        var top = ranked[0].Score;
        return ranked
            .Select(r =>
            {
                var similarity = _terms.VariantSimilarity(r.Entry, coverageTerms);
                var relevance = (top > 0 ? r.Score / top : 0) + (Options.SimilarityWeight * similarity);
                return new KbHit(_entries[r.Entry], r.Score, _terms.Coverage(r.Entry, coverageTerms), similarity, relevance, _citations[r.Entry]);
            })
            .OrderByDescending(h => h.Relevance)
            .Take(limit)
            .ToList();
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
}
