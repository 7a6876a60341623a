using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Parents;

namespace SunshineBot.Conversations.Tests.Engine;

public sealed class ConversationEngineTests
{
    [Fact]
    public void HalfFinishedForm_After30Minutes_IsDroppedWithANotice()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Wait(TimeSpan.FromMinutes(31)).Send("1")
            .Expect("超过30分钟").ExpectNot("哪方面");

        Assert.Empty(t.Desk.Filed);
    }

    [Fact]
    public void HalfFinishedForm_After29Minutes_Continues()
    {
        new Transcript().Send("我要投诉").Send("不知道").Wait(TimeSpan.FromMinutes(29)).Send("1").Expect("说一说").ExpectNot("超过30分钟");
    }

    [Fact]
    public void Expiry_IsConfigurable()
    {
        new Transcript(new ConversationOptions { FormExpiry = TimeSpan.FromMinutes(5) })
            .Send("我要投诉").Wait(TimeSpan.FromMinutes(6)).Send("不知道").Expect("已经清除");
    }

    [Fact]
    public async Task SavedFlowOfAnOlderVersion_RestartsPolitely()
    {
        var services = new Transcript().Services;
        var engine = new ConversationEngine(SunshineBot.Conversations.Flows.AllFlows.Create(), services);
        var state = new ConversationState();
        state.Stack.Add(new DialogFrame { FlowId = "intake", Version = 0, Step = 2, Form = "{}" });

        var replies = await engine.HandleAsync(state, new IncomingMessage { Channel = ParentChannel.WebChat, UserId = "u", MessageId = "1", Text = "随便" }, DateTimeOffset.UnixEpoch);

        Assert.Contains(replies, r => r.Text!.Contains("重新开始", StringComparison.Ordinal));
        Assert.Empty(state.Stack);
    }

    [Fact]
    public async Task SubscribeEvent_WelcomesWithTheMenu()
    {
        var services = new Transcript().Services;
        var engine = new ConversationEngine(SunshineBot.Conversations.Flows.AllFlows.Create(), services);
        var replies = await engine.HandleAsync(new ConversationState(), new IncomingMessage { Channel = ParentChannel.WeChat, UserId = "o1", MessageId = "e1", Kind = IncomingKind.Event, EventName = "subscribe" }, DateTimeOffset.UnixEpoch);

        Assert.Contains(replies, r => r.Text!.Contains("教育阳光服务", StringComparison.Ordinal) && r.Choices.Count == Menu.Items.Count);
    }

    [Fact]
    public async Task SubscribeFromASchoolQrCode_PrefillsTheSchoolOfTheNextForm()
    {
        var t = new Transcript();
        var engine = new ConversationEngine(SunshineBot.Conversations.Flows.AllFlows.Create(), t.Services);
        var state = new ConversationState();

        var welcome = await engine.HandleAsync(state, new IncomingMessage { Channel = ParentChannel.WeChat, UserId = "o1", MessageId = "e1", Kind = IncomingKind.Event, EventName = "subscribe", EventKey = "school:YGS-DC-002" }, DateTimeOffset.UnixEpoch);
        var intake = await engine.HandleAsync(state, new IncomingMessage { Channel = ParentChannel.WeChat, UserId = "o1", MessageId = "m1", Text = "我要投诉" }, DateTimeOffset.UnixEpoch);

        Assert.Contains(welcome, r => r.Text!.Contains("东城区实验中学", StringComparison.Ordinal));
        Assert.Contains(intake, r => r.Text!.Contains("学校：东城区实验中学", StringComparison.Ordinal));
        Assert.Contains(intake, r => r.Text!.Contains("哪方面", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubscribeWithAnUnknownSchoolCode_IsAPlainWelcome()
    {
        var t = new Transcript();
        var engine = new ConversationEngine(SunshineBot.Conversations.Flows.AllFlows.Create(), t.Services);
        var state = new ConversationState();

        await engine.HandleAsync(state, new IncomingMessage { Channel = ParentChannel.WeChat, UserId = "o1", MessageId = "e1", Kind = IncomingKind.Event, EventName = "subscribe", EventKey = "school:NOPE" }, DateTimeOffset.UnixEpoch);
        var intake = await engine.HandleAsync(state, new IncomingMessage { Channel = ParentChannel.WeChat, UserId = "o1", MessageId = "m1", Text = "我要投诉" }, DateTimeOffset.UnixEpoch);

        Assert.Null(state.PrefillSchoolCode);
        Assert.Contains(intake, r => r.Text!.Contains("哪所学校", StringComparison.Ordinal));
    }

    [Fact]
    public void ImageAtTheMenu_IsKeptForTheNextTicket()
    {
        var t = new Transcript();
        t.Photo("att/receipt.jpg").Expect("已替您存好").Expect("我要投诉")
            .Send("我要投诉").Send("不知道").Send("2").Send("学校让每人交一百元资料费，不交不发书").Send("100").Send("跳过")
            .Expect("已经收到您的1张图片").Send("跳过").Send("不用保密").Send("跳过").Send("13700001234").Expect("照片：1张").Tap("intake:confirm");

        Assert.Equal(["att/receipt.jpg"], Assert.Single(t.Desk.Filed).Photos.Select(p => p.StorageKey));
    }

    [Fact]
    public void ImageAtTheDescriptionStep_IsKeptAndTheQuestionAskedAgain()
    {
        var t = new Transcript();
        t.Send("我要投诉").Send("不知道").Send("2").Photo("att/a.jpg").Expect("提交时会一起附上").Expect("说一说")
            .Send("学校让每人交一百元资料费，不交不发书").Send("100").Send("跳过").Photo("att/b.jpg").Expect("第2张");
    }
}
