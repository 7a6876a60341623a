using SunshineBot.Conversations.Engine;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>WeChat text has no buttons: the engine's prompts must not tell a parent there to tap one.</summary>
public sealed class WeChatTextTests
{
    [Fact]
    public void Of_TheMainMenu_SaysReplyANumberAndNeverMentionsButtons()
    {
        var text = WeChatText.Of(Menu.Message());

        Assert.Contains("请问需要办理什么？回复数字：\n1. 政策咨询", text, StringComparison.Ordinal);
        Assert.DoesNotContain("按钮", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_PromptWithButtonWording_IsReworded()
    {
        var confirm = OutgoingMessage.Say("请核对一下：\n类型：投诉\n\n没问题请点“确认提交”；要改哪一项就点对应的按钮。",
            new QuickReply("确认提交", "intake:confirm"), new QuickReply("改学校", "edit:school"));

        var text = WeChatText.Of(confirm);

        Assert.Contains("没问题请回复 1（确认提交）", text, StringComparison.Ordinal);
        Assert.Contains("1. 确认提交\n2. 改学校", text, StringComparison.Ordinal);
        Assert.DoesNotContain("按钮", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_Suggestions_SayReplyTheNumber()
    {
        var text = WeChatText.Of(OutgoingMessage.Say("您要问的是不是下面这些？点一下就能看。", new QuickReply("学校让买教辅资料，必须买吗？", "kb:a")));

        Assert.StartsWith("您要问的是不是下面这些？回复数字就能看。", text, StringComparison.Ordinal);
    }
}
