using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Intents;

/// <summary>A new intent is recognised at every prompt before the text is read as the prompt's answer.</summary>
public sealed class IntentFirstTests
{
    private static Transcript FinishComplaint(Transcript t) =>
        t.Expect("登记投诉").Send("不知道").Send("2").Send("班主任要求每人买两本练习册，一共86元").Send("86").Send("跳过").Send("跳过")
            .Send("不用保密").Send("跳过").Send("13700001234").Expect("请核对").Send("确认提交").Expect("已受理");

    [Fact]
    public void FeeAnswer_ThenIWantToComplain_FilesAComplaintNotTheArticleAgain()
    {
        var t = new Transcript();
        t.Send("学校让买练习册是强制的吗").Expect("回复“我要投诉”").Expect("解决您的问题了吗")
            .Send("我要投诉").ExpectNot("怎么在这里投诉学校").Expect("哪所学校");
        FinishComplaint(t);

        Assert.Equal(TicketKind.Complaint, Assert.Single(t.Desk.Filed).Intake.Kind);
        Assert.Empty(t.Knowledge.Feedback);
    }

    [Fact]
    public void FeedbackPrompt_Confirm_IsNotTakenAsSolved()
    {
        var t = new Transcript();
        t.Send("学校让买练习册是强制的吗").Send("确认").ExpectNot("很高兴").Expect("您想办理哪一项");

        Assert.Empty(t.Knowledge.Feedback);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("解决了", true)]
    [InlineData("懂了，谢谢", true)]
    [InlineData("2", false)]
    [InlineData("没有解决", false)]
    [InlineData("还是不懂", false)]
    public void FeedbackPrompt_ItsOwnWordsOrNumbers_AreFeedback(string said, bool helpful)
    {
        var t = new Transcript();
        t.Send("学校让买练习册是强制的吗").Send(said);

        Assert.Equal(helpful, Assert.Single(t.Knowledge.Feedback).Helpful);
    }

    [Theory]
    [InlineData("我想投诉一下", TicketKind.Complaint)]
    [InlineData("要投诉学校", TicketKind.Complaint)]
    [InlineData("投述", TicketKind.Complaint)]
    [InlineData("投訴", TicketKind.Complaint)]
    [InlineData("举報", TicketKind.Report)]
    [InlineData("我要举报！", TicketKind.Report)]
    [InlineData("建议", TicketKind.Suggestion)]
    [InlineData("我想提个建议", TicketKind.Suggestion)]
    [InlineData("求助", TicketKind.Help)]
    [InlineData("我要咨询", TicketKind.Consultation)]
    public void ShortImperative_AtTheFeedbackPrompt_StartsThatKind(string said, TicketKind kind)
    {
        var t = new Transcript();
        t.Send("学校让买练习册是强制的吗").Send(said).Expect(Labels.Of(kind)).Expect("哪所学校");

        Assert.Equal(kind, IntakeKind(t));
    }

    [Fact]
    public void ReportAnything_AsksWhichKind_AndKeepsNothingBack()
    {
        var t = new Transcript();
        t.Send("我要反应个问题").Expect("按哪一类登记").Send("1").Expect("登记投诉").Expect("哪所学校");

        Assert.Equal(TicketKind.Complaint, IntakeKind(t));
    }

    [Fact]
    public void StoryWithReflect_AtTheMenu_AsksWhichKindAndKeepsTheStory()
    {
        var t = new Transcript();
        t.Send("学校乱收费，每人收了两百块钱补课费，我要反映").Expect("先记下了").Send("投诉").Expect("登记投诉").Send("不知道").Send("4")
            .ExpectNot("说一说").Expect("多少钱");

        Assert.Equal(TicketKind.Complaint, IntakeKind(t));
    }

    [Fact]
    public void StoryWithComplain_AtTheMenu_StartsAComplaintWithTheStory()
    {
        var t = new Transcript();
        t.Send("实验中学食堂的饭菜总是凉的，孩子吃了拉肚子，我要投诉他们").Expect("登记投诉").Send("实验中学").Send("食堂").ExpectNot("说一说");

        Assert.Equal(TicketKind.Complaint, IntakeKind(t));
    }

    [Fact]
    public void QuestionAboutComplaining_IsAnsweredNotFiled()
    {
        new Transcript().Send("怎么投诉学校？").Expect("怎么在这里投诉学校").ExpectNot("哪所学校");
    }

    [Fact]
    public void LongStoryMentioningComplaint_AtTheDescriptionStep_IsTheDescription()
    {
        const string story = "上周我已经跟班主任投诉过一次了，她说这是学校统一要求，每人交八十元资料费，不交就不发书";
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Send("2").Send(story).Expect("多少钱").ExpectNot("要放弃");

        Assert.Equal(TicketKind.Complaint, IntakeKind(t));
    }

    [Fact]
    public void OtherKind_MidForm_AsksBeforeThrowingItAway()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Send("2").Send("我要举报").Expect("要放弃正在填写的投诉").ExpectChoice("继续填写投诉")
            .Send("继续填写").Expect("接着填").Expect("说一说")
            .Send("举报").Expect("要放弃").Send("1").Expect("登记举报");

        Assert.Equal(TicketKind.Report, IntakeKind(t));
    }

    [Fact]
    public void OtherKind_BeforeAnyAnswer_SwitchesAtOnce()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("不对，我要举报").ExpectNot("要放弃");
        t.Send("举报").ExpectNot("要放弃");
        Assert.Equal(TicketKind.Report, IntakeKind(t));
    }

    [Fact]
    public void SameKindAgain_MidForm_CarriesOn()
    {
        new Transcript().Send("我要投诉").Send("不知道").Send("投诉").Expect("接着填").Expect("哪方面");
    }

    [Fact]
    public void Progress_MidForm_IsShownAndTheFormPicksUpAgain()
    {
        var t = new Transcript();
        t.Desk.Existing.Add(new("YG20261101-0001", TicketKind.Complaint, TicketStatus.Dispatched, "东城区第一小学", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), null, null, null));
        t.Send("我要投诉").Send("不知道").Send("查进度").Expect("YG20261101-0001").Expect("接着刚才").Expect("哪方面").Send("2").Expect("说一说");
    }

    [Fact]
    public void Human_InVariantWords_HandsOver()
    {
        new Transcript().Send("我要投诉").Send("我要人工").Expect("已为您转给工作人员");
    }

    private static TicketKind? IntakeKind(Transcript t) =>
        t.State.Stack.LastOrDefault(f => f.FlowId == "intake") is { } frame
            ? System.Text.Json.JsonSerializer.Deserialize<SunshineBot.Conversations.Flows.IntakeForm>(frame.Form)!.Kind
            : t.Desk.Filed.LastOrDefault()?.Intake.Kind;
}
