using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SunshineBot.Knowledge.Analysis;

/// <summary>
/// Our Chinese analysis as a Lucene <see cref="Analyzer"/>: normalisation, unigrams and bigrams, synonym
/// concepts, and (for questions) filler words removed. One instance analyses documents, another questions.
/// </summary>
public sealed class ChineseLuceneAnalyzer : Analyzer
{
    private readonly bool _query;

    private ChineseLuceneAnalyzer(ChineseAnalyzer analysis, bool query)
    {
        Analysis = analysis;
        _query = query;
    }

    public ChineseAnalyzer Analysis { get; }

    /// <summary>Every token of a field, repeats kept: what the index counts.</summary>
    public static ChineseLuceneAnalyzer ForDocuments(ChineseAnalyzer analysis) => new(analysis ?? throw new ArgumentNullException(nameof(analysis)), false);

    /// <summary>A question's tokens without the filler parents type around it.</summary>
    public static ChineseLuceneAnalyzer ForQuestions(ChineseAnalyzer analysis) => new(analysis ?? throw new ArgumentNullException(nameof(analysis)), true);

    /// <summary>The distinct terms of a text, in order of first appearance.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (seen.Add(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new ChineseTokenizer(reader, Analysis, _query));
}
