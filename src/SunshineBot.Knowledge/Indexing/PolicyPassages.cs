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

    private readonly ByteArrayDirectory _directory;
    private readonly IndexSearcher? _searcher;
    private readonly ChineseLuceneAnalyzer _documents;
    private readonly ChineseLuceneAnalyzer _questions;
    private readonly int _maxLength;
    private readonly Dictionary<string, int> _policyAt;
    private readonly int[] _policyOfPassage;
    private readonly string[] _texts;

    // Per entry, filled on first use: the terms of its questions and title (they never change in this index).
    private readonly string[]?[] _entryTerms;

    private PolicyPassages(ByteArrayDirectory directory, IndexSearcher? searcher, ChineseLuceneAnalyzer documents, ChineseLuceneAnalyzer questions,
        int maxLength, Dictionary<string, int> policyAt, int[] policyOfPassage, string[] texts, int entryCount)
    {
        _directory = directory;
        _searcher = searcher;
        _documents = documents;
        _questions = questions;
        _maxLength = maxLength;
        _policyAt = policyAt;
        _policyOfPassage = policyOfPassage;
        _texts = texts;
        _entryTerms = new string[]?[entryCount];
    }

    public long MemoryBytes => _directory.SizeInBytes;

    public static PolicyPassages Build(IEnumerable<KbPolicy> policies, ChineseLuceneAnalyzer documents, ChineseLuceneAnalyzer questions, int maxLength, int entryCount)
    {
        var written = new RAMDirectory();
        var policyAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var policyOfPassage = new List<int>();
        var texts = new List<string>();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, documents)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            UseCompoundFile = false,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(written, config))
        {
            var batch = new List<Document>();
            foreach (var policy in policies)
            {
                policyAt.TryAdd(policy.Id, policyAt.Count);
                foreach (var passage in Split(policy.Body))
                {
                    batch.Add([new TextField(TextField, passage, Field.Store.NO)]);
                    policyOfPassage.Add(policyAt[policy.Id]);
                    texts.Add(passage);
                }
            }

            // Passage i is document i: one batch, one segment, nothing merged or deleted.
            writer.AddDocuments(batch);
            writer.Commit();
        }

        var directory = ByteArrayDirectory.CopyOf(written);
        var searcher = texts.Count == 0 ? null : new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() };
        return new PolicyPassages(directory, searcher, documents, questions, Math.Max(20, maxLength), policyAt, [.. policyOfPassage], [.. texts], entryCount);
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
    /// <param name="at">The entry's place in the index (its cache slot).</param>
    public IReadOnlyList<KbCitation> Cite(int at, KbEntry entry, IReadOnlyList<KbCitation> citations, string question)
    {
        if (_searcher is null || citations.Count == 0)
        {
            return citations;
        }

        var entryTerms = _entryTerms[at] ??= [.. _questions.Terms(string.Join("\n", entry.Questions.Append(entry.Title)))];
        var query = new BooleanQuery();
        foreach (var term in _questions.Terms(question))
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

        // One search for all the cited policies: the best passage of each, by score, then by place.
        var sources = entry.Sources.Where(s => s.Length > 0).ToList();
        var wanted = new int[Math.Min(sources.Count, citations.Count)];
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i] = _policyAt.TryGetValue(sources[i], out var p) ? p : -1;
        }

        var best = new BestPerPolicy(_policyOfPassage, wanted);
        _searcher.Search(query, best);
        var cited = new List<KbCitation>(citations.Count);
        for (var i = 0; i < citations.Count; i++)
        {
            var passage = i < wanted.Length && best.Passage(i) is { } doc ? Quote(_texts[doc], query) : null;
            cited.Add(passage is null ? citations[i] : citations[i] with { Passage = passage });
        }

        return cited;
    }

    private string Quote(string text, BooleanQuery query)
    {
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

    /// <summary>Keeps, for each wanted policy, the best-scoring passage (the first on a tie), as a filtered top-1 would.</summary>
    private sealed class BestPerPolicy(int[] policyOfPassage, int[] wanted) : ICollector
    {
        private readonly int[] _doc = Enumerable.Repeat(-1, wanted.Length).ToArray();
        private readonly float[] _score = new float[wanted.Length];
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public int? Passage(int citation) => _doc[citation] >= 0 ? _doc[citation] : null;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var passage = _docBase + doc;
            var policy = policyOfPassage[passage];
            float? score = null;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (wanted[i] != policy)
                {
                    continue;
                }

                score ??= _scorer!.GetScore();
                if (_doc[i] < 0 || score > _score[i] || (score == _score[i] && passage < _doc[i]))
                {
                    _doc[i] = passage;
                    _score[i] = score.Value;
                }
            }
        }
    }
}
