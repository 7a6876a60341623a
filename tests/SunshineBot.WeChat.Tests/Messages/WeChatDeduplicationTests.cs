using SunshineBot.WeChat.Messages;

namespace SunshineBot.WeChat.Tests.Messages;

public sealed class WeChatDeduplicationTests
{
    private static WeChatInboundMessage Parse(string fields) =>
        WeChatMessageParser.Parse($"<xml><ToUserName>gh_b</ToUserName><FromUserName>o_p</FromUserName>{fields}</xml>");

    [Fact]
    public void KeyFor_MessageWithMsgId_UsesMsgId()
    {
        var key = WeChatDeduplication.KeyFor(Parse("<CreateTime>100</CreateTime><MsgType>text</MsgType><Content>a</Content><MsgId>42</MsgId>"));
        Assert.Equal("gh_b:msg:42", key);
    }

    [Fact]
    public void KeyFor_RetriedMessage_GivesTheSameKeyEvenIfCreateTimeDiffers()
    {
        var first = Parse("<CreateTime>100</CreateTime><MsgType>text</MsgType><MsgId>42</MsgId>");
        var retry = Parse("<CreateTime>101</CreateTime><MsgType>text</MsgType><MsgId>42</MsgId>");
        Assert.Equal(WeChatDeduplication.KeyFor(first), WeChatDeduplication.KeyFor(retry));
    }

    [Fact]
    public void KeyFor_Event_UsesSenderCreateTimeAndEvent()
    {
        var key = WeChatDeduplication.KeyFor(Parse("<CreateTime>100</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>K</EventKey>"));
        Assert.Equal("gh_b:evt:o_p:100:CLICK", key);
    }

    [Fact]
    public void KeyFor_TwoEventsInTheSameSecond_AreDistinguishedByEvent()
    {
        var subscribe = Parse("<CreateTime>100</CreateTime><MsgType>event</MsgType><Event>subscribe</Event>");
        var location = Parse("<CreateTime>100</CreateTime><MsgType>event</MsgType><Event>LOCATION</Event>");
        Assert.NotEqual(WeChatDeduplication.KeyFor(subscribe), WeChatDeduplication.KeyFor(location));
    }

    [Fact]
    public void KeyFor_TemplateEventWithMsgID_IsStillKeyedAsAnEvent()
    {
        var key = WeChatDeduplication.KeyFor(Parse("<CreateTime>100</CreateTime><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>7</MsgID>"));
        Assert.Equal("gh_b:evt:o_p:100:TEMPLATESENDJOBFINISH", key);
    }

    [Fact]
    public void KeyFor_SameMsgIdOnAnotherAccount_Differs()
    {
        var a = WeChatMessageParser.Parse("<xml><ToUserName>gh_a</ToUserName><MsgType>text</MsgType><MsgId>42</MsgId></xml>");
        var b = WeChatMessageParser.Parse("<xml><ToUserName>gh_b</ToUserName><MsgType>text</MsgType><MsgId>42</MsgId></xml>");
        Assert.NotEqual(WeChatDeduplication.KeyFor(a), WeChatDeduplication.KeyFor(b));
    }
}
