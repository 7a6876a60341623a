using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Analysis;

public sealed class ChineseAnalyzerTests
{
    private static readonly SynonymTable Synonyms = new([["教辅", "练习册", "辅导书"], ["课后服务", "托管"]]);

    [Fact]
    public void AnalyzeDocument_ChineseRun_EmitsOverlappingBigramsAndUnigrams()
    {
        var analyzer = new ChineseAnalyzer(SynonymTable.Empty);

        var tokens = analyzer.AnalyzeDocument("校服费");

        Assert.Equal(["校", "校服", "服", "服费", "费"], tokens);
    }

    [Fact]
    public void AnalyzeDocument_UnigramsOff_EmitsBigramsOnly()
    {
        var analyzer = new ChineseAnalyzer(SynonymTable.Empty, new ChineseAnalyzerOptions { Unigrams = false });

        Assert.Equal(["校服", "服费"], analyzer.AnalyzeDocument("校服费"));
    }

    [Fact]
    public void AnalyzeDocument_LatinAndDigits_KeptAsWords()
    {
        var analyzer = new ChineseAnalyzer(SynonymTable.Empty, new ChineseAnalyzerOptions { Unigrams = false });

        Assert.Equal(["打", "12345", "wifi", "密码"], analyzer.AnalyzeDocument("打12345，WiFi密码"));
    }

    [Fact]
    public void AnalyzeQuery_SynonymOfCanonicalWord_SharesTheConceptToken()
    {
        var analyzer = new ChineseAnalyzer(Synonyms);

        var document = analyzer.AnalyzeDocument("购买教辅由家长自愿决定");
        var query = analyzer.AnalyzeQuery("学校让买练习册是强制的吗");

        var concept = Assert.Single(query, t => t.StartsWith(ChineseAnalyzer.SynonymTokenPrefix, StringComparison.Ordinal));
        Assert.Contains(concept, document);
    }

    [Fact]
    public void AnalyzeQuery_SynonymsOff_NoConceptToken()
    {
        var analyzer = new ChineseAnalyzer(Synonyms, new ChineseAnalyzerOptions { Synonyms = false });

        Assert.DoesNotContain(analyzer.AnalyzeQuery("练习册"), t => t.StartsWith(ChineseAnalyzer.SynonymTokenPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzeQuery_TraditionalAndFullWidth_SameTokensAsSimplified()
    {
        var analyzer = new ChineseAnalyzer(Synonyms);

        Assert.Equal(analyzer.AnalyzeQuery("课后服务收费吗?"), analyzer.AnalyzeQuery("課後服務收費嗎？"));
    }

    [Fact]
    public void AnalyzeQuery_FillerWords_RemovedWithoutJoiningNeighbours()
    {
        var analyzer = new ChineseAnalyzer(SynonymTable.Empty, new ChineseAnalyzerOptions { Unigrams = false });

        var tokens = analyzer.AnalyzeQuery("请问学校的校服吗");

        Assert.Equal(["学校", "校服"], tokens);
    }

    [Fact]
    public void Constructor_LinesSharingAWord_MergeIntoOneConcept()
    {
        var analyzer = new ChineseAnalyzer(new SynonymTable([["教辅", "练习册"], ["教辅", "同步训练"]]));

        var a = analyzer.AnalyzeQuery("练习册").Where(t => t.StartsWith("syn", StringComparison.Ordinal));
        var b = analyzer.AnalyzeQuery("同步训练").Where(t => t.StartsWith("syn", StringComparison.Ordinal));

        Assert.Equal(a, b);
    }
}
