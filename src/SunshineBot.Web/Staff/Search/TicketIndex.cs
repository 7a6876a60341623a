using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SunshineBot.Web.Staff.Search;

/// <summary>
/// This instance's Lucene index of tickets. It catches up from the database's change sequence
/// (<see cref="TicketChanges"/>): every ticket saved since the last sequence it indexed is read again and replaced.
/// The last sequence is committed with the index, so a restart goes on from there; an index written under another
/// analysis, or ahead of the database (a restored backup), is thrown away and rebuilt from sequence 0 while the
/// instance keeps serving. Thread-safe; one per process (docs/adr/0006-ticket-search-index.md).
/// </summary>
public sealed class TicketIndex : IDisposable
{
    private const string SeqKey = "seq";
    private const string AnalysisKey = "analysis";

    private readonly IServiceScopeFactory _scopes;
    private readonly TicketSearchOptions _options;
    private readonly ILogger<TicketIndex> _logger;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _seq;
    private bool _checked;

    public TicketIndex(IServiceScopeFactory scopes, TicketAnalysis analysis, IOptions<TicketSearchOptions> options, IHostEnvironment environment, ILogger<TicketIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _scopes = scopes;
        Analysis = analysis;
        _options = options.Value;
        _logger = logger;
        IndexPath = string.IsNullOrWhiteSpace(_options.IndexPath) ? null : Path.GetFullPath(_options.IndexPath, environment.ContentRootPath);
    }

    public TicketAnalysis Analysis { get; }

    /// <summary>The folder of the index, or null when it is kept in memory.</summary>
    public string? IndexPath { get; }

    /// <summary>The last change sequence this index holds.</summary>
    public long Sequence => Interlocked.Read(ref _seq);

    /// <summary>
    /// Reads the tickets saved since the last catch-up (at most <paramref name="limit"/>) into the index and makes
    /// them searchable. Returns how many were read.
    /// </summary>
    public async Task<int> CatchUpAsync(int limit, CancellationToken ct)
    {
        await _catchUp.WaitAsync(ct);
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var writer = Writer();
            if (!_checked)
            {
                await CheckAgainstDatabaseAsync(db, ct);
                _checked = true;
            }

            var read = 0;
            while (read < limit)
            {
                var after = Sequence;
                var batch = await db.Tickets.AsNoTracking()
                    .Where(t => EF.Property<long>(t, TicketChanges.ChangeSeq) > after)
                    .OrderBy(t => EF.Property<long>(t, TicketChanges.ChangeSeq))
                    .Take(Math.Min(_options.BatchSize, limit - read))
                    .Select(t => new { Ticket = t, Seq = EF.Property<long>(t, TicketChanges.ChangeSeq) })
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                var ids = batch.Select(b => b.Ticket.Id).ToList();
                var notes = (await db.TicketEvents.AsNoTracking()
                        .Where(e => ids.Contains(e.TicketId) && e.Action == TicketAction.AddNote)
                        .Select(e => new { e.TicketId, e.Note })
                        .ToListAsync(ct))
                    .ToLookup(e => e.TicketId, e => e.Note);
                foreach (var row in batch)
                {
                    writer.UpdateDocument(IdTerm(row.Ticket.Id), TicketDocuments.Build(row.Ticket, notes[row.Ticket.Id]));
                }

                Interlocked.Exchange(ref _seq, batch[^1].Seq);
                read += batch.Count;
            }

            if (read > 0)
            {
                writer.SetCommitData(CommitData(Sequence));
                writer.Commit();
                _searchers!.MaybeRefreshBlocking();
            }

            return read;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    /// <summary>Runs <paramref name="search"/> on the newest searcher.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        Writer();
        var searcher = _searchers!.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public static Term IdTerm(long id) => new(TicketDocuments.Id, id.ToString(CultureInfo.InvariantCulture));

    public static long IdOf(IndexSearcher searcher, int doc)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return long.Parse(searcher.Doc(doc).Get(TicketDocuments.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        lock (_openLock)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _searchers = null;
            _writer = null;
            _directory = null;
        }

        _catchUp.Dispose();
    }

    /// <summary>A restored (older) database is behind this index: start over rather than keep tickets it no longer has.</summary>
    private async Task CheckAgainstDatabaseAsync(SunshineDbContext db, CancellationToken ct)
    {
        var latest = await db.ChangeSequences.AsNoTracking().Where(c => c.Name == TicketChanges.TicketsCounter).Select(c => (long?)c.Value).SingleOrDefaultAsync(ct) ?? 0;
        if (Sequence > latest)
        {
            _logger.LogWarning("Ticket index: at change {Index} but the database is at {Database}; rebuilding", Sequence, latest);
            _writer!.DeleteAll();
            _writer.SetCommitData(CommitData(0));
            _writer.Commit();
            Interlocked.Exchange(ref _seq, 0);
            _searchers!.MaybeRefreshBlocking();
        }
    }

    private IndexWriter Writer()
    {
        if (_writer is { } open)
        {
            return open;
        }

        lock (_openLock)
        {
            if (_writer is not null)
            {
                return _writer;
            }

            _directory = IndexPath is null ? new RAMDirectory() : FSDirectory.Open(new DirectoryInfo(IndexPath));
            var (seq, fingerprint) = ReadCommit(_directory);
            var rebuild = seq is null || !string.Equals(fingerprint, Analysis.Fingerprint, StringComparison.Ordinal);
            if (rebuild && seq is not null)
            {
                _logger.LogWarning("Ticket index at {Path}: written under another analysis; rebuilding", IndexPath);
            }

            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analysis.Documents)
            {
                OpenMode = rebuild ? OpenMode.CREATE : OpenMode.APPEND,
            };
            var writer = new IndexWriter(_directory, config);
            _seq = rebuild ? 0 : seq!.Value;
            if (rebuild)
            {
                writer.SetCommitData(CommitData(0));
                writer.Commit();
            }

            _searchers = new SearcherManager(writer, true, new SearcherFactory());
            _writer = writer;
            _logger.LogInformation("Ticket index at {Path}: opened at change {Sequence}", IndexPath ?? "(memory)", _seq);
            return writer;
        }
    }

    private Dictionary<string, string> CommitData(long seq) => new(StringComparer.Ordinal)
    {
        [SeqKey] = seq.ToString(CultureInfo.InvariantCulture),
        [AnalysisKey] = Analysis.Fingerprint,
    };

    private static (long? Seq, string? Fingerprint) ReadCommit(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return (null, null);
        }

        var commit = DirectoryReader.ListCommits(directory).OrderBy(c => c.Generation).Last();
        var data = commit.UserData;
        return data.TryGetValue(SeqKey, out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (seq, data.TryGetValue(AnalysisKey, out var f) ? f : null)
            : (0, data.TryGetValue(AnalysisKey, out var g) ? g : null);
    }
}
