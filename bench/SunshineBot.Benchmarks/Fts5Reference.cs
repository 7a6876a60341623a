using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Benchmarks;

/// <summary>
/// The SQLite FTS5 index the kb used until ADR 0004 (same analyzer, bm25 with the same column weights), kept
/// here as the reference: <see cref="Compare"/> checks that the Lucene index (ADR 0005) ranks the same
/// candidates with the same bm25 and times both on the same questions.
/// </summary>
internal sealed class Fts5Reference : IDisposable
{
    private static readonly string[] ParameterNames = ["$id", "$q", "$t", "$g", "$a"];
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _search;
    private readonly SqliteParameter _match;
    private readonly ChineseAnalyzer _analyzer;
    private readonly string[] _ids;

    private Fts5Reference(KbContent content, KbIndexOptions options)
    {
        _analyzer = new ChineseAnalyzer(content.Synonyms);
        var entries = content.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        _ids = entries.Select(e => e.Id).ToArray();
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE entries USING fts5(questions, title, tags, answer, tokenize = 'unicode61 remove_diacritics 0')");
        using (var transaction = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO entries (rowid, questions, title, tags, answer) VALUES ($id, $q, $t, $g, $a)";
            var parameters = ParameterNames.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            for (var i = 0; i < entries.Length; i++)
            {
                var e = entries[i];
                parameters[0].Value = i + 1;
                parameters[1].Value = Tokens(string.Join("\n", e.Questions));
                parameters[2].Value = Tokens(e.Title);
                parameters[3].Value = Tokens(string.Join("\n", e.Tags));
                parameters[4].Value = Tokens(e.Answer);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        _search = _connection.CreateCommand();
        _search.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT rowid, bm25(entries, {options.QuestionWeight}, {options.TitleWeight}, {options.TagWeight}, {options.AnswerWeight}) AS rank FROM entries WHERE entries MATCH $match ORDER BY rank LIMIT 10");
        _match = _search.Parameters.Add("$match", SqliteType.Text);
    }

    public static Fts5Reference Build(KbContent content) => new(content, new KbIndexOptions());

    /// <summary>The ten best entries by FTS5 bm25 (made positive), best first.</summary>
    public List<(string Id, double Score)> Top10(string question)
    {
        var tokens = _analyzer.AnalyzeQuery(question);
        var results = new List<(string, double)>();
        if (tokens.Count == 0)
        {
            return results;
        }

        _match.Value = string.Join(" OR ", tokens.Select(t => "\"" + t + "\""));
        using var reader = _search.ExecuteReader();
        while (reader.Read())
        {
            results.Add((_ids[reader.GetInt64(0) - 1], -reader.GetDouble(1)));
        }

        return results;
    }

    /// <summary>
    /// For every question: do FTS5 and the in-memory index put the same entries in their bm25 top 10, with the
    /// same scores? Prints the count of differing questions, the largest score difference and both timings.
    /// </summary>
    public static void Compare(KbContent content, IReadOnlyList<string> questions, TextWriter output)
    {
        var started = Stopwatch.StartNew();
        using var fts5 = Build(content);
        var fts5Build = started.Elapsed;
        started.Restart();
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        var memoryBuild = started.Elapsed;

        int differing = 0;
        double largest = 0;
        TimeSpan fts5Time = default, memoryTime = default;
        foreach (var question in questions)
        {
            started.Restart();
            var reference = fts5.Top10(question);
            fts5Time += started.Elapsed;
            started.Restart();
            var hits = kb.Search(question, 10);
            memoryTime += started.Elapsed;

            var mine = hits.ToDictionary(h => h.Entry.Id, h => h.Score, StringComparer.Ordinal);
            // Entries tied with the tenth may legitimately differ; compare those above the cut.
            var cut = reference.Count == 10 ? reference[^1].Score : double.NegativeInfinity;
            foreach (var (id, score) in reference.Where(r => r.Score > cut + 1e-9))
            {
                if (!mine.TryGetValue(id, out var other))
                {
                    differing++;
                    break;
                }

                largest = Math.Max(largest, Math.Abs(other - score) / Math.Max(1e-9, score));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{content.Entries.Count} entries: build FTS5 {fts5Build.TotalMilliseconds:0} ms, in-memory {memoryBuild.TotalMilliseconds:0} ms; " +
            $"top-10 differs for {differing}/{questions.Count} questions, largest relative bm25 difference {largest:E1}; " +
            $"mean query FTS5 {fts5Time.TotalMilliseconds / questions.Count:0.000} ms, in-memory (search + re-rank) {memoryTime.TotalMilliseconds / questions.Count:0.000} ms"));
    }

    public void Dispose()
    {
        _search.Dispose();
        _connection.Dispose();
    }

    private string Tokens(string text) => string.Join(' ', _analyzer.AnalyzeDocument(text));

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
