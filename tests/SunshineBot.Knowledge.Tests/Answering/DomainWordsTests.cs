using SunshineBot.Knowledge.Answering;

namespace SunshineBot.Knowledge.Tests.Answering;

public sealed class DomainWordsTests
{
    [Theory]
    [InlineData("网购的衣服质量太差 商家不给退货")]
    [InlineData("单位拖欠我三个月工资")]
    public void IsOtherDomain_AnotherBodysMatter_True(string message) => Assert.True(DomainWords.IsOtherDomain(message));

    [Theory]
    [InlineData("学校让在网店买指定校服 商家说不退")]
    [InlineData("培训机构老板跑路了")]
    [InlineData("校服质量有问题怎么办")]
    public void IsOtherDomain_SchoolMatter_False(string message) => Assert.False(DomainWords.IsOtherDomain(message));

    [Fact]
    public void Ask_ShopRefund_NotAnsweredWithTheUniformEntry()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), SampleKb.Create());

        Assert.True(kb.Ask("校服质量太差了 能退吗").Ranked.Count > 0);
        Assert.False(kb.Ask("网购的衣服质量太差了 商家不给退货").Answered);
    }
}
