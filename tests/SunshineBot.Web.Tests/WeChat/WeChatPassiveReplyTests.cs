using SunshineBot.Conversations.Engine;
using SunshineBot.WeChat.Replies;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

public sealed class WeChatPassiveReplyTests
{
    private static readonly OutgoingMessage FollowUp =
        OutgoingMessage.Say("这个回答解决您的问题了吗？", new QuickReply("解决了", "faq:yes"), new QuickReply("没解决", "faq:no"));

    [Fact]
    public void Plan_AnswerAndFollowUpFit_JoinsBothInOrder()
    {
        var plan = WeChatPassiveReply.Plan([OutgoingMessage.Say("不强制。教辅材料由家长自愿选购。"), FollowUp], _ => false);

        Assert.Equal(2, plan.Count);
        Assert.Equal("不强制。教辅材料由家长自愿选购。\n\n这个回答解决您的问题了吗？\n\n回复数字：\n1. 解决了\n2. 没解决", plan.Text);
    }

    [Fact]
    public void Plan_FollowUpWouldPassTheLimit_OnlyTheAnswerIsPassive()
    {
        // 3 bytes a character in UTF-8: 670 characters are 2,010 bytes, the follow-up does not fit after them.
        var answer = OutgoingMessage.Say(new string('费', 670));

        var plan = WeChatPassiveReply.Plan([answer, FollowUp], _ => false);

        Assert.Equal(1, plan.Count);
        Assert.True(WeChatReply.FitsText(plan.Text!));
    }

    [Fact]
    public void Plan_FirstReplyTooLongOrAPicture_NothingIsPassive()
    {
        var tooLong = WeChatPassiveReply.Plan([OutgoingMessage.Say(new string('费', 700)), FollowUp], _ => false);
        var picture = new OutgoingMessage { Kind = OutgoingKind.Image, ImageKey = "chat/2026/11/a.png" };
        var pictureFirst = WeChatPassiveReply.Plan([picture, FollowUp], m => m.Kind == OutgoingKind.Image);

        Assert.Equal(WeChatPassiveReply.None, tooLong);
        Assert.Equal(WeChatPassiveReply.None, pictureFirst);
    }
}
