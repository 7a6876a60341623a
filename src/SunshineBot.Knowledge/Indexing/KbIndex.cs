using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// An immutable full-text index of the entries: an in-memory SQLite FTS5 table of pre-analysed tokens,
/// ranked by bm25 with column weights, plus term statistics for coverage. Safe for concurrent queries:
/// each query borrows its own connection to the shared in-memory database.
/// </summary>
public sealed class KbIndex : IDisposable
{
    private const int RerankDepth = 10;
    private const double SimilarityWeight = 0.5;
    private readonly KbEntry[] _entries;
    private readonly IReadOnlyList<KbCitation>[] _citations;
    private readonly TermStatistics _terms;
    private readonly string _connectionString;
    private readonly string _searchSql;
    private readonly SqliteConnection _anchor;
    private readonly ConcurrentBag<KbSearchConnection> _pool = [];
    private int _leases;
    private int _retired;
    private int _disposed;

    internal KbIndex(KbEntry[] entries, IReadOnlyList<KbCitation>[] citations, TermStatistics terms,
        SqliteConnection anchor, string connectionString, KbIndexOptions options, ChineseAnalyzer analyzer)
    {
        _entries = entries;
        _citations = citations;
        _terms = terms;
        _anchor = anchor;
        _connectionString = connectionString;
        Analyzer = analyzer;
        Options = options;
        // rowid 0 would be fine for SQLite, but FTS5 rowids start at 1 by habit: rowid = entry index + 1.
        _searchSql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT rowid, bm25(entries, {options.QuestionWeight}, {options.TitleWeight}, {options.TagWeight}, {options.AnswerWeight}) AS rank FROM entries WHERE entries MATCH $query ORDER BY rank LIMIT $limit");
    }

    public ChineseAnalyzer Analyzer { get; }

    public KbIndexOptions Options { get; }

    public IReadOnlyList<KbEntry> Entries => _entries;

    public int TermCount => _terms.TermCount;

    /// <summary>Share of the question's weight in terms the whole kb never uses: high for off-topic questions.</summary>
    public double UnknownShare(string question) => _terms.UnknownShare(CoverageTokens(Analyzer.AnalyzeQuery(question)));

    /// <summary>Ranks entries for a question; at most <paramref name="limit"/> hits, best first.</summary>
    public IReadOnlyList<KbHit> Search(string question, int limit)
    {
        ArgumentNullException.ThrowIfNull(question);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var tokens = Analyzer.AnalyzeQuery(question);
        if (tokens.Count == 0 || limit <= 0)
        {
            return [];
        }

        // bm25 picks the candidates; closeness to one question variant re-orders them, which helps long,
        // chatty questions that happen to share words with a long answer (see docs/benchmarks.md).
        var queryTerms = _terms.Rarest(tokens, Options.MaxQueryTerms);
        var ranked = queryTerms.Count == 0 ? [] : RunQuery(queryTerms, Math.Max(limit, RerankDepth));
        if (ranked.Count == 0)
        {
            return [];
        }

        var coverageTokens = CoverageTokens(tokens);
        var top = ranked[0].Score;
        return ranked
            .Select(r =>
            {
                var similarity = _terms.VariantSimilarity(r.Entry, coverageTokens);
                var relevance = (top > 0 ? r.Score / top : 0) + (SimilarityWeight * similarity);
                return new KbHit(_entries[r.Entry], r.Score, _terms.Coverage(r.Entry, coverageTokens), similarity, relevance, _citations[r.Entry]);
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

    private List<(int Entry, double Score)> RunQuery(IEnumerable<string> tokens, int limit)
    {
        // Tokens hold only letters and digits, so quoting each one is enough to keep FTS5 syntax out.
        var match = string.Join(" OR ", tokens.Select(t => "\"" + t + "\""));
        var connection = _pool.TryTake(out var pooled) ? pooled : new KbSearchConnection(_connectionString, _searchSql);
        try
        {
            return connection.Run(match, limit);
        }
        finally
        {
            if (Volatile.Read(ref _disposed) == 0 && _pool.Count < Environment.ProcessorCount * 4)
            {
                _pool.Add(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>Takes a lease so a retired index stays open until its last query is done.</summary>
    internal bool TryAcquire()
    {
        Interlocked.Increment(ref _leases);
        if (Volatile.Read(ref _retired) == 0)
        {
            return true;
        }

        Release();
        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && Volatile.Read(ref _retired) != 0)
        {
            Dispose();
        }
    }

    /// <summary>No new leases; disposed as soon as the ones out are returned.</summary>
    internal void Retire()
    {
        Volatile.Write(ref _retired, 1);
        if (Volatile.Read(ref _leases) == 0)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_pool.TryTake(out var connection))
        {
            connection.Dispose();
        }

        _anchor.Dispose();
    }
}
