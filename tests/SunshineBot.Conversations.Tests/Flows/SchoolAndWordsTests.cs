using SunshineBot.Core.Parents;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Flows;

/// <summary>School answers, bare numbers and the parent's own words.</summary>
public sealed class SchoolAndWordsTests
{
    [Fact]
    public void SchoolPrompt_ReplyOneOnWeChat_IsTheFirstOptionNotASchoolNamedOne()
    {
        var t = new Transcript { Channel = ParentChannel.WeChat };
        t.Send("我要投诉").Expect("不清楚可以回复“不知道”").Send("1").Expect("哪方面").ExpectNot("名录里没有找到");

        Assert.Null(Form(t).SchoolName);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("好")]
    [InlineData("123")]
    public void SchoolPrompt_BareNumberOrOneCharacter_IsAskedAgain(string said)
    {
        var t = new Transcript();
        t.Send("我要投诉").Send(said).Expect("学校名称里的几个字").Expect("哪所学校");

        Assert.Null(Form(t).SchoolName);
    }

    [Fact]
    public void SchoolPrompt_UnknownName_IsConfirmedBeforeBeingRecorded()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("希望中学").Expect("名录里没有找到“希望中学”").ExpectNot("哪方面")
            .Send("重新输入").Expect("重新输入学校名称").Send("希望中学").Send("就按这个名称记录").Expect("按“希望中学”记录").Expect("哪方面");

        Assert.Equal("希望中学", Form(t).SchoolName);
        Assert.Null(Form(t).SchoolCode);
    }

    [Fact]
    public void SchoolPrompt_TwoMatches_AreListedAndPickedByNumber()
    {
        var t = new Transcript { Channel = ParentChannel.WeChat };
        t.Send("我要投诉").Send("一小").Expect("找到几所").ExpectChoice("东城区第一小学").ExpectChoice("西城区第一小学").Send("2").Expect("哪方面");

        Assert.Equal("YGS-XC-001", Form(t).SchoolCode);
    }

    [Theory]
    [InlineData("12", "称呼请写")]
    [InlineData("张", "“张女士”或“张先生”")]
    public void NamePrompt_NumberOrOneCharacter_IsAskedAgain(string said, string hint)
    {
        var t = AtName(new Transcript());
        t.Send(said).Expect(hint).Expect("怎么称呼");
    }

    [Fact]
    public void NamePrompt_NameAndPhoneInOneMessage_KeepsBoth()
    {
        var t = AtName(new Transcript());
        t.Send("王女士 13812345678").Expect("请核对").Expect("联系人：王女士，138****5678").ExpectNot("手机号好像不对");
    }

    [Fact]
    public void NamePrompt_OnlyAPhoneWithWords_KeepsThePhoneAndNoName()
    {
        var t = AtName(new Transcript());
        t.Send("我的手机号是13812345678").Expect("称呼就先空着").Expect("联系人：未留称呼，138****5678");
    }

    [Fact]
    public void ParentWords_FullWidthEmojiAndTraditional_AreStoredAndShownAsWritten()
    {
        const string story = "第1位家长反映：班主任要求每人交101元資料費，不交不发作业本，也没有收据。😡";
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Send("2").Send(story).Send("１０１元").Send("跳过").Send("跳过").Send("不用保密").Send("王女士（孩子妈妈）").Send("１３８１２３４５６７８")
            .Expect(story).Expect("王女士（孩子妈妈）").Tap("intake:confirm");

        var intake = Assert.Single(t.Desk.Filed).Intake;
        Assert.Equal(story, intake.Description);
        Assert.Equal("王女士（孩子妈妈）", intake.VisitorName);
        Assert.Equal(101m, intake.FeeAmount);
        Assert.Equal("13812345678", intake.VisitorPhone);
    }

    [Fact]
    public void ParentWords_ControlCharactersAndMarkup_AreStripped()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Send("14").Send("老师\u0007上课<script>alert(1)</script>经常迟到，\u202E一周好几次");

        Assert.Equal("老师上课alert(1)经常迟到，一周好几次", Form(t).Description);
    }

    [Fact]
    public void Confidential_Chosen_IsOnTheSummaryAndTheTicket()
    {
        var t = AtName(new Transcript(), confidential: "保密");
        t.Send("跳过").Send("13700001234").Expect("保密：是").Tap("intake:confirm");

        Assert.True(Assert.Single(t.Desk.Filed).Intake.Confidential);
    }

    [Fact]
    public void Confidential_NotChosen_IsNotConfidential()
    {
        var t = AtName(new Transcript());
        t.Send("跳过").Send("13700001234").ExpectNot("保密：是").Tap("intake:confirm");

        Assert.False(Assert.Single(t.Desk.Filed).Intake.Confidential);
    }

    [Fact]
    public void Report_ExplainsAnonymityInOneSentence_AndIsNotAskedAboutConfidentiality()
    {
        var t = new Transcript();
        t.Send("我要举报").Send("不知道").Send("6").Send("班主任周末在家里给学生有偿补课每人每次一百元").Send("跳过").Send("跳过").Send("跳过")
            .Expect("不记录您的姓名和电话").Expect("实名举报也会严格保密").Send("实名").ExpectNot("需要为您保密").Expect("称呼");

        Assert.Equal(TicketKind.Report, Form(t).Kind);
    }

    private static Transcript AtName(Transcript t, string confidential = "不用保密") =>
        t.Send("我要投诉").Send("不知道").Send("14").Send("老师上课经常迟到，一周好几次").Send("跳过").Expect("保密").Send(confidential).Expect("称呼");

    private static SunshineBot.Conversations.Flows.IntakeForm Form(Transcript t) =>
        System.Text.Json.JsonSerializer.Deserialize<SunshineBot.Conversations.Flows.IntakeForm>(t.State.Stack.Last(f => f.FlowId == "intake").Form)!;
}
