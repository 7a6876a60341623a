using SunshineBot.Knowledge.Answering;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Answering;

public sealed class SafetyWordsTests
{
    [Theory]
    [InlineData("孩子被同学打了 头都破了")]
    [InlineData("孩子留了纸条说不想活了")]
    [InlineData("好几个孩子吃了午饭上吐下泻")]
    [InlineData("孩子說在學校被人用刀威脅")]
    [InlineData("放学两个小时了孩子还没到家")]
    [InlineData("体育课上孩子摔倒骨折了")]
    public void Find_DangerNow_Found(string message) => Assert.NotNull(SafetyWords.Find(message));

    [Theory]
    [InlineData("我打了12345没人接")]
    [InlineData("孩子生病住院一个月没去幼儿园 保教费能退吗")]
    [InlineData("娃在学校摔伤了 赔偿跟学校谈不拢")]
    [InlineData("学校强制买校服 不买不让进校门")]
    public void Find_NoDanger_Null(string message) => Assert.Null(SafetyWords.Find(message));

    [Fact]
    public void Ask_SafetyWordsWithAFeeQuestion_EmergencyFirstFeeEntryOffered()
    {
        var content = SampleKb.Create();
        var emergency = new KbEntry
        {
            Id = "service-emergency", Title = "孩子在学校出了紧急情况，怎么办？", Questions = ["孩子在学校出了事"], Sources = ["service"],
            Answer = "请立即拨打110或120。",
        };
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content with { Entries = [.. content.Entries, emergency] });

        var answer = kb.Ask("孩子被同学打了 头都破了 学校还让买校服 校服必须买吗");

        Assert.True(answer.Answered);
        Assert.Equal("service-emergency", answer.Best!.Entry.Id);
        Assert.Contains(answer.Alternatives, h => h.Entry.Id == "uniform-must-buy");
    }

    [Fact]
    public void Ask_SafetyWordsButNoEmergencyEntry_OrdinaryAnswer()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), SampleKb.Create());

        var answer = kb.Ask("孩子被同学打了 学校还强制买校服");

        Assert.DoesNotContain(answer.Ranked, h => h.Entry.Id == "service-emergency");
    }
}
