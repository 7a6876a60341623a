using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>Builds a <see cref="KbIndex"/> from loaded content: one Lucene document per entry, in memory.</summary>
public static class KbIndexBuilder
{
    internal const string TextField = "text";
    internal const string IdField = "id";

    // Questions can be long and chatty; every distinct token is one clause.
    private const int MaxClauses = 4096;

    private static readonly FieldType WeightedText = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    public static KbIndex Build(KbContent content, ChineseAnalyzerOptions? analyzerOptions = null, KbIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new KbIndexOptions();
        Lucene.Net.Search.BooleanQuery.MaxClauseCount = Math.Max(Lucene.Net.Search.BooleanQuery.MaxClauseCount, MaxClauses);
        var analysis = new ChineseAnalyzer(content.Synonyms, analyzerOptions);
        var documents = ChineseLuceneAnalyzer.ForDocuments(analysis);
        var questions = ChineseLuceneAnalyzer.ForQuestions(analysis);
        var entries = DistinctById(content.Entries);
        var policies = content.Policies.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var citations = entries
            .Select(e => (IReadOnlyList<KbCitation>)e.Sources.Where(policies.ContainsKey).Select(s => policies[s].ToCitation()).ToList())
            .ToArray();
        int[] weights = [Whole(options.QuestionWeight), Whole(options.TitleWeight), Whole(options.TagWeight), Whole(options.AnswerWeight)];

        // Built once and never changed: one segment (no merges, no compound file to rewrite), one commit.
        var written = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, documents)
        {
            Similarity = new Fts5Similarity(),
            OpenMode = OpenMode.CREATE,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            RAMBufferSizeMB = 1024,
            UseCompoundFile = false,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        var counted = new WeightedTerms(analysis);
        using (var writer = new IndexWriter(written, config))
        {
            writer.AddDocuments(ToDocuments(entries, counted, weights));
            writer.Commit();
        }

        var directory = ByteArrayDirectory.CopyOf(written);
        var reader = DirectoryReader.Open(directory);
        if (reader.Leaves.Count > 1 || reader.MaxDoc != entries.Length)
        {
            throw new InvalidOperationException("The kb index must be one segment with entry i as document i.");
        }

        var variants = BuildVariants(entries, analysis, counted);
        var passages = PolicyPassages.Build(policies.Values, documents, questions, options.MaxPassageLength, entries.Length);
        return new KbIndex(entries, citations, directory, reader, variants, passages, options, analysis, questions);
    }

    /// <summary>
    /// One document per entry, in order: each field analysed once, its terms counted by the field's weight,
    /// and the counts handed to Lucene as one weighted field. Lazy: entry i is counted while Lucene asks for it.
    /// </summary>
    private static IEnumerable<IEnumerable<IIndexableField>> ToDocuments(KbEntry[] entries, WeightedTerms terms, int[] weights)
    {
        foreach (var entry in entries)
        {
            terms.Clear();
            terms.Add(string.Join("\n", entry.Questions), weights[0]);
            terms.Add(entry.Title, weights[1]);
            terms.Add(string.Join("\n", entry.Tags), weights[2]);
            terms.Add(entry.Answer, weights[3]);
            yield return new Document
            {
                new StringField(IdField, entry.Id, Field.Store.NO),
                new Field(TextField, terms.ToTokenStream(), WeightedText),
            };
        }
    }

    /// <summary>Each variant's terms as a question is analysed, without single CJK characters unless it has nothing else.</summary>
    private static VariantTable BuildVariants(KbEntry[] entries, ChineseAnalyzer analysis, WeightedTerms counted)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new List<double>();
        var variants = new int[entries.Length][][];
        var mass = new double[entries.Length][];
        for (var i = 0; i < entries.Length; i++)
        {
            var texts = entries[i].Questions.Append(entries[i].Title).ToArray();
            variants[i] = new int[texts.Length][];
            mass[i] = new double[texts.Length];
            for (var v = 0; v < texts.Length; v++)
            {
                var variantIds = new List<int>();
                foreach (var term in KbIndex.CoverageTokens(analysis.AnalyzeQuery(texts[v])))
                {
                    if (!ids.TryGetValue(term, out var id))
                    {
                        id = ids.Count;
                        ids.Add(term, id);
                        idf.Add(QueryTerm.LuceneIdf(entries.Length, counted.DocumentFrequency(term)));
                    }

                    variantIds.Add(id);
                }

                variants[i][v] = variantIds.Distinct().Order().ToArray();
                mass[i][v] = variants[i][v].Sum(id => idf[id]);
            }
        }

        return new VariantTable(ids, variants, mass);
    }

    private static int Whole(double weight) =>
        weight >= 0 && weight == Math.Floor(weight) && weight <= 64
            ? (int)weight
            : throw new ArgumentOutOfRangeException(nameof(weight), weight, string.Create(CultureInfo.InvariantCulture, $"field weights are whole numbers from 0 to 64, not {weight}"));

    private static KbEntry[] DistinctById(IReadOnlyList<KbEntry> entries) =>
        entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
