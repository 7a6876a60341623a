using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Answering;

public sealed class PolicyPassageTests
{
    private const string Voluntary = "是否购买校服由学生家长自愿决定，不得强制或变相强制学生购买。";
    private const string Price = "校服价格应当按照质量和市场行情合理确定，并向家长公开。";

    [Fact]
    public void Ask_Answered_CitationQuotesThePassageThatMatchesTheQuestion()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), Content($"我们主要用到以下几点：\n\n- {Price}\n- {Voluntary}\n- 校服的样式由学校和家长委员会商定。"));

        var answer = kb.Ask("学校强制要求买校服，不买行不行");

        Assert.True(answer.Answered);
        Assert.Equal(Voluntary, Assert.Single(answer.Citations).Passage);
    }

    [Fact]
    public void Ask_OtherQuestion_QuotesAnotherPassageOfTheSamePolicy()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), Content($"- {Price}\n- {Voluntary}"));

        var citation = Assert.Single(kb.Cite(kb.Entries.Single(e => e.Id == "uniform-price"), "校服价格太高了"));

        Assert.Equal(Price, citation.Passage);
    }

    [Fact]
    public void Ask_LongPassage_CutAroundTheMatch()
    {
        var filler = string.Concat(Enumerable.Repeat("各地应当加强组织领导，明确责任分工，做好宣传解释工作。", 6));
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), Content($"- {filler}{Voluntary}{filler}"));

        var passage = Assert.Single(kb.Ask("学校强制要求买校服，不买行不行").Citations).Passage;

        Assert.NotNull(passage);
        Assert.True(passage.Length <= 125, passage);
        Assert.Contains("自愿", passage, StringComparison.Ordinal);
        Assert.StartsWith("……", passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_PolicyWithoutBody_CitationHasNoPassage()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), Content(""));

        Assert.Null(Assert.Single(kb.Ask("学校强制要求买校服，不买行不行").Citations).Passage);
    }

    private static KbContent Content(string body) => new(
        [
            new KbEntry { Id = "uniform-must-buy", Title = "学校要求买校服，必须买吗？", Questions = ["校服一定要买吗", "不买校服可以吗", "学校强制买校服"], Sources = ["uniforms"], Answer = "不是必须的。" },
            new KbEntry { Id = "uniform-price", Title = "校服太贵了怎么办？", Questions = ["校服价格太高", "校服多少钱合理"], Sources = ["uniforms"], Answer = "价格应当公开。" },
            new KbEntry { Id = "service-anonymous", Title = "举报可以匿名吗？", Questions = ["匿名举报行不行"], Sources = [], Answer = "可以。" },
        ],
        [new KbPolicy { Id = "uniforms", Name = "关于进一步加强中小学生校服管理工作的意见", Number = "教政法〔2015〕4号", Body = body }],
        SynonymTable.Empty,
        []);
}
