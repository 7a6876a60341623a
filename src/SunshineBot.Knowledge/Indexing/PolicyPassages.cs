using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>
/// The points of every policy (one Lucene document per bullet of <see cref="KbPolicy.Body"/>), so an answer
/// can quote the rule it rests on: for each policy the answer cites, the passage that best matches the
/// question and the entry, cut to its best-matching sentence by Lucene's highlighter when it is long.
/// </summary>
internal sealed class PolicyPassages
{
    private const string PolicyField = "policy";
    private const string TextField = "text";

    // The entry's own words say what the answer is about; the parent's words pick among close passages.
    private const float EntryBoost = 0.5f;

    private readonly RAMDirectory _directory;
    private readonly IndexSearcher? _searcher;
    private readonly ChineseLuceneAnalyzer _documents;
    private readonly ChineseLuceneAnalyzer _questions;
    private readonly int _maxLength;

    private PolicyPassages(RAMDirectory directory, IndexSearcher? searcher, ChineseLuceneAnalyzer documents, ChineseLuceneAnalyzer questions, int maxLength)
    {
        _directory = directory;
        _searcher = searcher;
        _documents = documents;
        _questions = questions;
        _maxLength = maxLength;
    }

    public long MemoryBytes => _directory.GetSizeInBytes();

    public static PolicyPassages Build(IEnumerable<KbPolicy> policies, ChineseLuceneAnalyzer documents, ChineseLuceneAnalyzer questions, int maxLength)
    {
        var directory = new RAMDirectory();
        var count = 0;
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, documents) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var policy in policies)
            {
                foreach (var passage in Split(policy.Body))
                {
                    writer.AddDocument(new Document
                    {
                        new StringField(PolicyField, policy.Id, Field.Store.YES),
                        new TextField(TextField, passage, Field.Store.YES),
                    });
                    count++;
                }
            }

            writer.Commit();
        }

        var searcher = count == 0 ? null : new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() };
        return new PolicyPassages(directory, searcher, documents, questions, Math.Max(20, maxLength));
    }

    /// <summary>The bullets of a policy body (its points); paragraphs when it has no bullets.</summary>
    internal static List<string> Split(string body)
    {
        var lines = body.Split('\n').Select(l => l.Trim()).ToList();
        var bullets = lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("* ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .ToList();
        var passages = bullets.Count > 0 ? bullets : lines.Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        return passages.Select(p => p.Replace("**", "", StringComparison.Ordinal)).Where(p => p.Length > 0).ToList();
    }

    /// <summary>The citations with, where one matches, the passage of each policy that fits best.</summary>
    public IReadOnlyList<KbCitation> Cite(KbEntry entry, IReadOnlyList<KbCitation> citations, string question)
    {
        if (_searcher is null || citations.Count == 0)
        {
            return citations;
        }

        var questionTerms = _questions.Terms(question);
        var entryTerms = _questions.Terms(string.Join("\n", entry.Questions.Append(entry.Title)));
        var query = new BooleanQuery();
        foreach (var term in questionTerms)
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
        }

        foreach (var term in entryTerms)
        {
            query.Add(new TermQuery(new Term(TextField, term)) { Boost = EntryBoost }, Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return citations;
        }

        var sources = entry.Sources.Where(s => s.Length > 0).ToList();
        var cited = new List<KbCitation>(citations.Count);
        for (var i = 0; i < citations.Count; i++)
        {
            var passage = i < sources.Count ? Best(sources[i], query) : null;
            cited.Add(passage is null ? citations[i] : citations[i] with { Passage = passage });
        }

        return cited;
    }

    private string? Best(string policyId, BooleanQuery query)
    {
        var filter = new QueryWrapperFilter(new TermQuery(new Term(PolicyField, policyId)));
        var top = _searcher!.Search(query, filter, 1).ScoreDocs;
        if (top.Length == 0)
        {
            return null;
        }

        var text = _searcher.Doc(top[0].Doc).Get(TextField, CultureInfo.InvariantCulture);
        if (text.Length <= _maxLength)
        {
            return text;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter("", ""), new QueryTermScorer(query, TextField))
        {
            TextFragmenter = new SentenceFragmenter(),
        };
        var fragment = highlighter.GetBestFragment(_documents, TextField, text)?.Trim();
        if (string.IsNullOrEmpty(fragment))
        {
            return text[.._maxLength] + "……";
        }

        var start = text.IndexOf(fragment, StringComparison.Ordinal);
        var cut = fragment.Length > _maxLength ? fragment[.._maxLength] : fragment;
        return (start > 0 ? "……" : "") + cut + (start >= 0 && start + cut.Length < text.Length ? "……" : "");
    }
}
