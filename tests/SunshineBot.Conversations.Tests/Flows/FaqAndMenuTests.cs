using SunshineBot.Conversations.Tests.Support;

namespace SunshineBot.Conversations.Tests.Flows;

public sealed class FaqAndMenuTests
{
    [Theory]
    [InlineData("你好")]
    [InlineData("在吗？")]
    [InlineData("菜单")]
    public void Greeting_ShowsTheMenuWithButtons(string text)
    {
        new Transcript().Send(text).Expect("请问需要办理什么").ExpectChoice("我要投诉").ExpectChoice("查询进度");
    }

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的，谢谢！")]
    [InlineData("辛苦了")]
    public void Thanks_AtTheMenu_IsAcknowledgedNotTakenForAQuestion(string text)
    {
        var t = new Transcript();
        t.Send(text).Expect("不客气").ExpectNot("答不上来").ExpectNot("提交咨询");
        Assert.Empty(t.Knowledge.Asked);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("我要投诉")]
    [InlineData("投诉")]
    [InlineData("我要投述")]
    public void MenuPick_ByNumberLabelOrTypo_StartsTheComplaint(string text)
    {
        new Transcript().Send(text).Expect("登记投诉");
    }

    [Fact]
    public void Question_Answered_ShowsSourceAndRecordsThatItHelped()
    {
        var t = new Transcript();
        t.Send("老师让买练习册必须买吗").Expect("不是必须的").Expect("依据：中小学教辅材料管理办法").Expect("解决您的问题了吗")
            .Send("嗯").Expect("很高兴");

        Assert.Equal([("supplementary-materials-voluntary", true)], t.Knowledge.Feedback);
        Assert.Null(t.State.Top);
    }

    [Fact]
    public void Question_NotSolved_OffersAConsultationWithTheQuestionFilledIn()
    {
        var t = new Transcript();
        t.Send("老师让买练习册必须买吗 我们家不想买").Expect("解决您的问题了吗").Send("没解决").Expect("要提交吗")
            .Send("好的").Expect("登记咨询").Expect("哪所学校").Send("不知道").Send("2").ExpectNot("说一说")
            .Send("跳过").Send("跳过").Send("跳过").Send("跳过").Send("13700001234").Tap("intake:confirm");

        Assert.Equal([("supplementary-materials-voluntary", false)], t.Knowledge.Feedback);
        var intake = Assert.Single(t.Desk.Filed).Intake;
        Assert.Equal(Core.Tickets.TicketKind.Consultation, intake.Kind);
        Assert.Equal("老师让买练习册必须买吗 我们家不想买", intake.Description);
    }

    [Fact]
    public void Question_OutOfScope_SaysSoHonestlyAndOffersAPerson()
    {
        new Transcript().Send("明天天气怎么样").Expect("答不上来").Expect("要提交吗").ExpectNot("依据").Send("不用了").Expect("好的");
    }

    [Fact]
    public void Question_Unsure_OffersSuggestionsThatCanBeOpened()
    {
        var t = new Transcript();
        t.Send("学校收费的事情想问问").Expect("没有把握").ExpectChoice("学校要求买校服，必须买吗？")
            .Tap("kb:uniform-must-buy").Expect("不是必须的").Expect("解决您的问题了吗").Send("是的").Expect("很高兴");
    }

    [Fact]
    public void Help_MidFlow_ExplainsCommandsAndRepeatsTheQuestion()
    {
        new Transcript().Send("我要投诉").Send("帮助").Expect("“返回”").Expect("哪所学校");
    }

    [Fact]
    public void Human_MidFlow_LeavesAConsultationWithTheConversation()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("第一小学").Send("人工").Expect("已为您转给工作人员").Expect("YG20261123-0001");

        var intake = Assert.Single(t.Desk.Filed).Intake;
        Assert.Equal(Core.Tickets.TicketKind.Consultation, intake.Kind);
        Assert.Contains("家长：第一小学", intake.Description, StringComparison.Ordinal);
        Assert.Contains("家长：我要投诉", intake.Description, StringComparison.Ordinal);
        Assert.Null(t.State.Top);
    }

    [Fact]
    public void Human_ThenTheParentExplains_WordsAndPicturesGoOntoThatTicket()
    {
        var t = new Transcript();
        t.Send("人工").Expect("YG20261123-0001").Expect("接着把情况说一说")
            .Send("学校让交300元资料费，没有收据，想问问合不合理").Expect("已补充到工单 YG20261123-0001").ExpectNot("解决您的问题了吗")
            .Photo("att/receipt.jpg").Expect("收到图片，已补充到工单")
            .Send("谢谢").Expect("不客气");

        Assert.Equal([("YG20261123-0001", "学校让交300元资料费，没有收据，想问问合不合理", 0), ("YG20261123-0001", "", 1)], t.Desk.Added);
        Assert.Empty(t.Knowledge.Asked);
    }

    [Fact]
    public void Human_ThenSomethingElseStarted_StopsAddingToTheTicket()
    {
        var t = new Transcript();
        t.Send("人工").Send("我要投诉").Expect("登记投诉").Send("取消");
        t.Send("学校让买练习册必须买吗").Expect("解决您的问题了吗");
        Assert.Empty(t.Desk.Added);

        var later = new Transcript();
        later.Send("人工");
        later.Wait(TimeSpan.FromHours(2));
        later.Send("学校让买练习册必须买吗").Expect("解决您的问题了吗");
        Assert.Empty(later.Desk.Added);
    }

    [Theory]
    [InlineData("我要咨询")]
    [InlineData("提交咨询")]
    public void ConsultationAskedForAfterAnAnswer_CarriesTheQuestion(string said)
    {
        var t = new Transcript();
        t.Send("老师让买练习册必须买吗").Expect("解决您的问题了吗").Send(said).Expect("登记咨询").Expect("已经记下")
            .Send("不知道").Send("2").ExpectNot("说一说").Expect("多少钱");
    }
}
