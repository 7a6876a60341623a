using Lucene.Net.Analysis.TokenAttributes;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Analysis;

public sealed class ChineseLuceneAnalyzerTests
{
    private static readonly ChineseAnalyzer Analysis = new(new SynonymTable([["教辅", "练习册"]]));

    [Fact]
    public void Tokens_TraditionalAndPunctuation_OffsetsPointIntoTheOriginalText()
    {
        const string text = "請問，學校的校服！";
        var tokens = Tokens(ChineseLuceneAnalyzer.ForDocuments(Analysis), text);

        var uniform = Assert.Single(tokens, t => t.Term == "校服");
        Assert.Equal("校服", text[uniform.Start..uniform.End]);
        Assert.Equal("學校", text[tokens.Single(t => t.Term == "学校").Start..tokens.Single(t => t.Term == "学校").End]);
    }

    [Fact]
    public void Tokens_InOrderOfStartOffset_SynonymConceptBesideItsWord()
    {
        var tokens = Tokens(ChineseLuceneAnalyzer.ForDocuments(Analysis), "买练习册");

        Assert.Equal(tokens.Select(t => t.Start).Order(), tokens.Select(t => t.Start));
        var concept = Assert.Single(tokens, t => t.Term.StartsWith(ChineseAnalyzer.SynonymTokenPrefix, StringComparison.Ordinal));
        Assert.Equal((1, 4), (concept.Start, concept.End));
    }

    [Fact]
    public void Terms_Question_FillerRemovedLikeTheCoreAnalysis()
    {
        const string question = "请问学校的校服必须买吗";

        var terms = ChineseLuceneAnalyzer.ForQuestions(Analysis).Terms(question);

        Assert.Equal(Analysis.AnalyzeQuery(question).Order(StringComparer.Ordinal), terms.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("请问", terms);
        Assert.DoesNotContain("的校", terms);
    }

    private static List<(string Term, int Start, int End)> Tokens(ChineseLuceneAnalyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
