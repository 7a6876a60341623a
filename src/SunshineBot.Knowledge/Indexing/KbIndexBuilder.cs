using Microsoft.Data.Sqlite;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>Builds a <see cref="KbIndex"/> from loaded content: analyses every field and fills FTS5.</summary>
public static class KbIndexBuilder
{
    public static KbIndex Build(KbContent content, ChineseAnalyzerOptions? analyzerOptions = null, KbIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new KbIndexOptions();
        var analyzer = new ChineseAnalyzer(content.Synonyms, analyzerOptions);
        var entries = DistinctById(content.Entries);
        var policies = content.Policies.GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ToCitation(), StringComparer.Ordinal);
        var citations = entries
            .Select(e => (IReadOnlyList<KbCitation>)e.Sources.Where(policies.ContainsKey).Select(s => policies[s]).ToList())
            .ToArray();

        // A private, named in-memory database: every query connection opens the same one by name, and it
        // lives as long as the anchor connection stays open.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = "kb-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
        }.ToString();
        var anchor = new SqliteConnection(connectionString);
        try
        {
            anchor.Open();
            var terms = Fill(anchor, entries, analyzer, options);
            return new KbIndex(entries, citations, terms, anchor, connectionString, options, analyzer);
        }
        catch
        {
            anchor.Dispose();
            throw;
        }
    }

    private static TermStatistics Fill(SqliteConnection connection, KbEntry[] entries, ChineseAnalyzer analyzer, KbIndexOptions options)
    {
        if (options.Detail is not ("full" or "column"))
        {
            throw new ArgumentException($"FTS5 detail must be 'full' or 'column', not '{options.Detail}'", nameof(options));
        }

        using (var create = connection.CreateCommand())
        {
            // Fields arrive as space-separated tokens: unicode61 only has to split on the spaces.
            create.CommandText =
                $"CREATE VIRTUAL TABLE entries USING fts5(questions, title, tags, answer, tokenize = 'unicode61 remove_diacritics 0', detail = {options.Detail})";
            create.ExecuteNonQuery();
        }

        var terms = new TermStatistics();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO entries (rowid, questions, title, tags, answer) VALUES ($id, $q, $t, $g, $a)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var questions = insert.Parameters.Add("$q", SqliteType.Text);
        var title = insert.Parameters.Add("$t", SqliteType.Text);
        var tags = insert.Parameters.Add("$g", SqliteType.Text);
        var answer = insert.Parameters.Add("$a", SqliteType.Text);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var fields = new[]
            {
                analyzer.AnalyzeDocument(string.Join("\n", entry.Questions)),
                analyzer.AnalyzeDocument(entry.Title),
                analyzer.AnalyzeDocument(string.Join("\n", entry.Tags)),
                analyzer.AnalyzeDocument(entry.Answer),
            };
            id.Value = i + 1;
            questions.Value = Join(fields[0], options);
            title.Value = Join(fields[1], options);
            tags.Value = Join(fields[2], options);
            answer.Value = Join(fields[3], options);
            insert.ExecuteNonQuery();
            terms.AddEntry(fields.SelectMany(f => f), entry.Questions.Append(entry.Title).Select(v => KbIndex.CoverageTokens(analyzer.AnalyzeQuery(v))));
        }

        transaction.Commit();
        return terms;
    }

    private static string Join(List<string> tokens, KbIndexOptions options) =>
        string.Join(' ', options.DistinctTokensPerField ? tokens.Distinct(StringComparer.Ordinal) : tokens);

    private static KbEntry[] DistinctById(IReadOnlyList<KbEntry> entries) =>
        entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();
}
