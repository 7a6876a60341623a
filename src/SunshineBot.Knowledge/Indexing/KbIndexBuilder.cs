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

        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, documents)
        {
            Similarity = new Fts5Similarity(),
            OpenMode = OpenMode.CREATE,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            RAMBufferSizeMB = 512,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var entry in entries)
            {
                writer.AddDocument(ToDocument(entry, analysis, weights));
            }

            // Entry i is document i: one segment, added in order, nothing deleted.
            writer.ForceMerge(1);
            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        var variants = BuildVariants(entries, questions, reader);
        var passages = PolicyPassages.Build(policies.Values, documents, questions, options.MaxPassageLength);
        return new KbIndex(entries, citations, directory, reader, variants, passages, options, analysis, questions);
    }

    // A tokenizer per field value: the analyzer's reused one would be shared by the four values of one field.
    private static Document ToDocument(KbEntry entry, ChineseAnalyzer analysis, int[] weights)
    {
        var document = new Document { new StringField(IdField, entry.Id, Field.Store.NO) };
        string[] fields = [string.Join("\n", entry.Questions), entry.Title, string.Join("\n", entry.Tags), entry.Answer];
        for (var f = 0; f < fields.Length; f++)
        {
            if (weights[f] > 0 && fields[f].Length > 0)
            {
                document.Add(new Field(TextField, new FieldWeightFilter(new ChineseTokenizer(new StringReader(fields[f]), analysis, query: false), weights[f]), WeightedText));
            }
        }

        return document;
    }

    /// <summary>Each variant's terms as a question is analysed, without single CJK characters unless it has nothing else.</summary>
    private static VariantTable BuildVariants(KbEntry[] entries, ChineseLuceneAnalyzer questions, DirectoryReader reader)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new List<double>();
        var terms = MultiFields.GetTerms(reader, TextField);
        var seek = terms?.GetEnumerator();
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
                foreach (var term in KbIndex.CoverageTokens(questions.Terms(texts[v])))
                {
                    if (!ids.TryGetValue(term, out var id))
                    {
                        id = ids.Count;
                        ids.Add(term, id);
                        var df = seek is not null && seek.SeekExact(new BytesRef(term)) ? seek.DocFreq : 0;
                        idf.Add(QueryTerm.LuceneIdf(entries.Length, df));
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
