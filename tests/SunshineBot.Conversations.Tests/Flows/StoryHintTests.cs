using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Flows;

/// <summary>What the parent already said is offered back at the later questions, never asked from scratch.</summary>
public sealed class StoryHintTests
{
    private static Transcript AtCategory(Transcript t) =>
        t.Send("我要投诉").Expect("哪所学校").Send("不知道").Expect("哪方面");

    [Fact]
    public void CategoryAnsweredWithTheStory_StoryBecomesTheDescription()
    {
        var t = AtCategory(new Transcript())
            .Send("老师让每人交200块买辅导书，说不买就影响期末成绩")
            .Expect("教辅资料").Expect("已经记下").ExpectNot("说一说")
            .Expect("多少钱").Expect("200元").Send("对")
            .Expect("哪天").Send("跳过")
            .Expect("照片").Send("跳过").Expect("保密").Send("不用保密").Expect("称呼").Send("跳过")
            .Expect("手机号").Send("13812345678").Expect("请核对").Expect("辅导书").Tap("intake:confirm").Expect("已受理");

        var filed = Assert.Single(t.Desk.Filed).Intake;
        Assert.Equal(TicketCategory.SupplementaryMaterials, filed.Category);
        Assert.Equal("老师让每人交200块买辅导书，说不买就影响期末成绩", filed.Description);
        Assert.Equal(200m, filed.FeeAmount);
    }

    [Fact]
    public void DayInTheStory_IsOfferedAndTakenWithYes()
    {
        var t = AtCategory(new Transcript()).Send("2").Expect("说一说")
            .Send("上周五班主任在群里通知每人交86元买练习册").Expect("多少钱").Expect("86元").Send("86")
            .Expect("上周五").Expect("11月20日").Send("是的")
            .Expect("照片").Send("跳过").Expect("保密").Send("不用保密").Expect("称呼").Send("跳过")
            .Expect("手机号").Send("13812345678").Tap("intake:confirm").Expect("已受理");

        Assert.Equal(new DateOnly(2026, 11, 20), Assert.Single(t.Desk.Filed).Intake.IncidentDate);
    }

    [Fact]
    public void OfferedAmount_AnotherNumberTyped_TakesTheTypedOne()
    {
        var t = AtCategory(new Transcript()).Send("2").Expect("说一说")
            .Send("班主任要求每人买两本练习册，一共86元").Expect("86元").Send("90块").Expect("哪天").Send("跳过")
            .Expect("照片").Send("跳过").Expect("保密").Send("不用保密").Expect("称呼").Send("跳过")
            .Expect("手机号").Send("13812345678").Tap("intake:confirm").Expect("已受理");

        Assert.Equal(90m, Assert.Single(t.Desk.Filed).Intake.FeeAmount);
    }

    [Theory]
    [InlineData("一共86元，每本43元", null)]
    [InlineData("三年级二班交了120块钱", 120)]
    [InlineData("三年级二班", null)]
    [InlineData("交了１５０元", 150)]
    public void Amount_OnlyOneClearMention_IsAHint(string story, int? expected) =>
        Assert.Equal(expected is null ? null : (decimal?)expected, StoryHints.Amount(story));

    [Fact]
    public void Date_WordsForADay_AreReadAgainstToday()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateOnly(2026, 11, 20), StoryHints.Date("上周五班主任通知的", new DateOnly(2026, 11, 25))?.Date);
        Assert.Equal(new DateOnly(2026, 11, 22), StoryHints.Date("昨天老师说的", today)?.Date);
        Assert.Equal(new DateOnly(2026, 11, 3), StoryHints.Date("11月3日交的钱", today)?.Date);
        Assert.Null(StoryHints.Date("昨天说的，11月3日交的", today));
        Assert.Null(StoryHints.Date("三年级二班", today));
    }
}
