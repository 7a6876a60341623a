using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Knowledge.Tests.Loading;

public sealed class KbLoaderTests
{
    [Fact]
    public void Load_ValidFolder_ReadsEntriesPoliciesAndSynonyms()
    {
        using var kb = new TempKbFolder()
            .Policy("materials", number: "新广出发〔2015〕45号")
            .Entry("materials-voluntary", ["教辅必须买吗", "不买练习册行吗"], ["materials"]);

        var content = KbLoader.Load(kb.Path);

        Assert.Empty(content.Problems);
        var entry = Assert.Single(content.Entries);
        Assert.Equal("materials-voluntary", entry.Id);
        Assert.Equal(["教辅必须买吗", "不买练习册行吗"], entry.Questions);
        Assert.Equal("materials", entry.Topic);
        Assert.Equal(new DateOnly(2026, 10, 1), entry.Reviewed);
        var policy = Assert.Single(content.Policies);
        Assert.Equal(new KbCitation("中小学教辅材料管理办法", "新广出发〔2015〕45号，2015年8月3日"), policy.ToCitation());
        Assert.Equal(["教辅", "练习册", "辅导书"], Assert.Single(content.Synonyms.Groups));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("sources")]
    [InlineData("reviewed")]
    [InlineData("local")]
    public void Load_EntryMissingAField_ReportsErrorAndSkipsEntry(string field)
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials"], omitField: field);

        var content = KbLoader.Load(kb.Path);

        Assert.Empty(content.Entries);
        var problem = Assert.Single(content.Problems);
        Assert.Equal(KbProblemSeverity.Error, problem.Severity);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadFiles_CollectsEveryProblemAndKeepsTheGoodOnes()
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("good", ["教辅必须买吗"], ["materials"]);
        kb.Write("qa/x/no-front-matter.md", "只有正文");
        kb.Write("qa/x/bad-yaml.md", "---\nid: [unclosed\n---\n正文");
        kb.Write("qa/x/bad-date.md", "---\nid: bad-date\ntitle: t\nquestions: [q]\nsources: [materials]\ntags: []\nlocal: false\nreviewed: 2026/01/01\n---\n正文");

        var content = KbLoader.Load(kb.Path);

        Assert.Contains(content.Entries, e => e.Id == "good");
        Assert.Equal(3, content.Problems.Count(p => p.Severity == KbProblemSeverity.Error));
    }

    [Fact]
    public void Load_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KbLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }
}
