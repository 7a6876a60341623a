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

    // Every term of the passages, looked up once: a question's query is built without touching the term dictionary.
    private readonly Dictionary<string, TermContext> _known = new(StringComparer.Ordinal);

    // Per entry, filled on first use: the terms of its questions and title and what they score on the passages
    // of the policies it cites (neither changes in this index), so an answer only scores the question's terms.
    private readonly EntryPart?[] _entryParts;

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
        _entryParts = new EntryPart?[entryCount];
        if (searcher is not null && searcher.IndexReader.Leaves.Count == 1
            && searcher.IndexReader.Leaves[0].AtomicReader.GetTerms(TextField)?.GetEnumerator() is { } terms)
        {
            while (terms.MoveNext())
            {
                _known[terms.Term.Utf8ToString()] = new TermContext(searcher.TopReaderContext, terms.GetTermState(), 0, terms.DocFreq, terms.TotalTermFreq);
            }
        }
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

        var sources = entry.Sources.Where(s => s.Length > 0).ToList();
        var wanted = new int[Math.Min(sources.Count, citations.Count)];
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i] = _policyAt.TryGetValue(sources[i], out var p) ? p : -1;
        }

        // score = bm25 of the question's terms + half the bm25 of the entry's own terms, the second part cached.
        var part = _entryParts[at] ??= EntryPart.Score(this, entry, wanted);
        var query = new BooleanQuery();
        foreach (var term in _questions.Terms(question))
        {
            if (_known.TryGetValue(term, out var context))
            {
                query.Add(new TermQuery(new Term(TextField, term), context), Occur.SHOULD);
            }
        }

        var scores = new Scores(_policyOfPassage, wanted);
        if (query.Clauses.Count > 0)
        {
            _searcher.Search(query, scores);
        }

        foreach (var clause in part.Query.Clauses)
        {
            query.Add(clause);
        }

        if (query.Clauses.Count == 0)
        {
            return citations;
        }

        var cited = new List<KbCitation>(citations.Count);
        for (var i = 0; i < citations.Count; i++)
        {
            var doc = i < wanted.Length ? Best(wanted[i], scores.Found, part.Found) : -1;
            cited.Add(doc < 0 ? citations[i] : citations[i] with { Passage = Quote(_texts[doc], query) });
        }

        return cited;
    }

    /// <summary>The best passage of one policy by the two parts' summed score, the first on a tie; -1 when none matched.</summary>
    private int Best(int policy, Dictionary<int, float> question, Dictionary<int, float> entry)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        foreach (var doc in question.Keys.Concat(entry.Keys).Distinct().Order())
        {
            if (_policyOfPassage[doc] != policy)
            {
                continue;
            }

            var score = (float)((double)question.GetValueOrDefault(doc) + entry.GetValueOrDefault(doc));
            if (score > bestScore)
            {
                best = doc;
                bestScore = score;
            }
        }

        return best;
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

    /// <summary>The entry's own terms (at half weight) as a query, and their scores on the passages of its policies.</summary>
    private sealed record EntryPart(BooleanQuery Query, Dictionary<int, float> Found)
    {
        public static EntryPart Score(PolicyPassages passages, KbEntry entry, int[] wanted)
        {
            // Terms no passage holds match nothing and add nothing to a score: they are left out.
            var query = new BooleanQuery();
            foreach (var term in passages._questions.Terms(string.Join("\n", entry.Questions.Append(entry.Title))))
            {
                if (passages._known.TryGetValue(term, out var context))
                {
                    query.Add(new TermQuery(new Term(TextField, term), context) { Boost = EntryBoost }, Occur.SHOULD);
                }
            }

            var scores = new Scores(passages._policyOfPassage, wanted);
            if (query.Clauses.Count > 0)
            {
                passages._searcher!.Search(query, scores);
            }

            return new EntryPart(query, scores.Found);
        }
    }

    /// <summary>The score of every matching passage of the wanted policies.</summary>
    private sealed class Scores(int[] policyOfPassage, int[] wanted) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public Dictionary<int, float> Found { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var passage = _docBase + doc;
            if (Array.IndexOf(wanted, policyOfPassage[passage]) >= 0)
            {
                Found[passage] = _scorer!.GetScore();
            }
        }
    }
}
