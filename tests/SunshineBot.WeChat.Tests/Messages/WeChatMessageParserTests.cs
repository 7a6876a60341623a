using SunshineBot.WeChat.Messages;

namespace SunshineBot.WeChat.Tests.Messages;

public sealed class WeChatMessageParserTests
{
    private static string Xml(string msgType, string fields) =>
        "<xml><ToUserName><![CDATA[gh_bureau]]></ToUserName><FromUserName><![CDATA[o_parent]]></FromUserName>"
        + $"<CreateTime>1715943329</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType>{fields}</xml>";

    private static string Event(string name, string fields = "") => Xml("event", $"<Event><![CDATA[{name}]]></Event>{fields}");

    [Fact]
    public void Parse_Text_ReadsHeaderAndContent()
    {
        var m = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(
            Xml("text", "<Content><![CDATA[学校收教辅费合理吗？]]></Content><MsgId>1234567890123456</MsgId>")));
        Assert.Equal("学校收教辅费合理吗？", m.Content);
        Assert.Equal(new WeChatMessageHeader("gh_bureau", "o_parent", 1715943329, "text", null, 1234567890123456), m.Header);
    }

    [Fact]
    public void Parse_Image_ReadsPicUrlAndMediaId()
    {
        var m = Assert.IsType<WeChatImageMessage>(WeChatMessageParser.Parse(
            Xml("image", "<PicUrl><![CDATA[http://mmbiz/p.jpg]]></PicUrl><MediaId><![CDATA[media-1]]></MediaId><MsgId>1</MsgId>")));
        Assert.Equal(("http://mmbiz/p.jpg", "media-1"), (m.PicUrl, m.MediaId));
    }

    [Fact]
    public void Parse_VoiceWithRecognition_KeepsTheTranscript()
    {
        var m = Assert.IsType<WeChatVoiceMessage>(WeChatMessageParser.Parse(
            Xml("voice", "<MediaId><![CDATA[v-1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[我要投诉]]></Recognition><MsgId>2</MsgId>")));
        Assert.Equal(("v-1", "amr", "我要投诉"), (m.MediaId, m.Format, m.Recognition));
    }

    [Fact]
    public void Parse_VoiceWithEmptyRecognition_HasNoTranscript()
    {
        var m = Assert.IsType<WeChatVoiceMessage>(WeChatMessageParser.Parse(
            Xml("voice", "<MediaId><![CDATA[v-1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[]]></Recognition><MsgId>2</MsgId>")));
        Assert.Null(m.Recognition);
    }

    [Theory]
    [InlineData("video")]
    [InlineData("shortvideo")]
    public void Parse_VideoAndShortVideo_AreVideos(string type)
    {
        var m = Assert.IsType<WeChatVideoMessage>(WeChatMessageParser.Parse(
            Xml(type, "<MediaId><![CDATA[vid]]></MediaId><ThumbMediaId><![CDATA[thumb]]></ThumbMediaId><MsgId>3</MsgId>")));
        Assert.Equal(("vid", "thumb", type), (m.MediaId, m.ThumbMediaId, m.Header.MsgType));
    }

    [Fact]
    public void Parse_Location_ReadsCoordinatesInvariantly()
    {
        var m = Assert.IsType<WeChatLocationMessage>(WeChatMessageParser.Parse(
            Xml("location", "<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[某某中学]]></Label><MsgId>4</MsgId>")));
        Assert.Equal((23.134521m, 113.358803m, 20, "某某中学"), (m.Latitude, m.Longitude, m.Scale, m.Label));
    }

    [Fact]
    public void Parse_LocationWithGarbageNumbers_StillParsesWithNulls()
    {
        var m = Assert.IsType<WeChatLocationMessage>(WeChatMessageParser.Parse(
            Xml("location", "<Location_X>north</Location_X><Scale>big</Scale><MsgId>4</MsgId>")));
        Assert.Null(m.Latitude);
        Assert.Null(m.Longitude);
        Assert.Null(m.Scale);
    }

    [Fact]
    public void Parse_Link_ReadsTitleDescriptionUrl()
    {
        var m = Assert.IsType<WeChatLinkMessage>(WeChatMessageParser.Parse(
            Xml("link", "<Title><![CDATA[通知]]></Title><Description><![CDATA[收费公示]]></Description><Url><![CDATA[https://x.example/n]]></Url><MsgId>5</MsgId>")));
        Assert.Equal(("通知", "收费公示", "https://x.example/n"), (m.Title, m.Description, m.Url));
    }

    [Fact]
    public void Parse_PlainSubscribe_HasNoScene()
    {
        var m = Assert.IsType<WeChatSubscribeEvent>(WeChatMessageParser.Parse(Event("subscribe", "<EventKey><![CDATA[]]></EventKey>")));
        Assert.Null(m.EventKey);
        Assert.Null(m.SceneValue);
        Assert.Equal("subscribe", m.Header.Event);
    }

    [Fact]
    public void Parse_SubscribeThroughQrCode_ExposesSceneWithoutPrefix()
    {
        var m = Assert.IsType<WeChatSubscribeEvent>(WeChatMessageParser.Parse(
            Event("subscribe", "<EventKey><![CDATA[qrscene_school-0451]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>")));
        Assert.Equal(("qrscene_school-0451", "school-0451", "TICKET"), (m.EventKey, m.SceneValue, m.Ticket));
    }

    [Fact]
    public void Parse_Unsubscribe_IsUnsubscribe() =>
        Assert.IsType<WeChatUnsubscribeEvent>(WeChatMessageParser.Parse(Event("unsubscribe")));

    [Fact]
    public void Parse_Scan_ReadsSceneValue()
    {
        var m = Assert.IsType<WeChatScanEvent>(WeChatMessageParser.Parse(
            Event("SCAN", "<EventKey><![CDATA[school-0451]]></EventKey><Ticket><![CDATA[T]]></Ticket>")));
        Assert.Equal("school-0451", m.SceneValue);
    }

    [Fact]
    public void Parse_Click_ReadsKey()
    {
        var m = Assert.IsType<WeChatMenuClickEvent>(WeChatMessageParser.Parse(Event("CLICK", "<EventKey><![CDATA[COMPLAIN]]></EventKey>")));
        Assert.Equal("COMPLAIN", m.Key);
    }

    [Fact]
    public void Parse_ClickInLowerCase_IsStillAClick() =>
        Assert.IsType<WeChatMenuClickEvent>(WeChatMessageParser.Parse(Event("click", "<EventKey>K</EventKey>")));

    [Fact]
    public void Parse_View_ReadsUrlAndMenuId()
    {
        var m = Assert.IsType<WeChatMenuViewEvent>(WeChatMessageParser.Parse(
            Event("VIEW", "<EventKey><![CDATA[https://bot.example/chat]]></EventKey><MenuId>9</MenuId>")));
        Assert.Equal(("https://bot.example/chat", "9"), (m.Url, m.MenuId));
    }

    [Fact]
    public void Parse_LocationReport_ReadsCoordinates()
    {
        var m = Assert.IsType<WeChatLocationReportEvent>(WeChatMessageParser.Parse(
            Event("LOCATION", "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>")));
        Assert.Equal((23.137466m, 113.352425m, 119.385040m), (m.Latitude, m.Longitude, m.Precision));
    }

    [Fact]
    public void Parse_TemplateSendJobFinish_ReadsMsgIdAndStatus()
    {
        var m = Assert.IsType<WeChatTemplateSendJobFinishEvent>(WeChatMessageParser.Parse(
            Event("TEMPLATESENDJOBFINISH", "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>")));
        Assert.Equal(200163836, m.Header.MsgId);
        Assert.False(m.Delivered);
    }

    [Theory]
    [InlineData("miniprogrampage", "")]
    [InlineData("", "")]
    [InlineData("event", "<Event><![CDATA[scancode_push]]></Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo>")]
    [InlineData("event", "")]
    public void Parse_AnythingElse_IsUnknownNotAnError(string msgType, string fields)
    {
        var m = Assert.IsType<WeChatUnknownMessage>(WeChatMessageParser.Parse(Xml(msgType, fields)));
        Assert.Equal(msgType, m.Header.MsgType);
        Assert.Equal("o_parent", m.FromUserName);
    }

    [Fact]
    public void Parse_MissingHeaderFields_DefaultsInsteadOfThrowing()
    {
        var m = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse("<xml><MsgType>text</MsgType><CreateTime>soon</CreateTime></xml>"));
        Assert.Equal(("", "", 0L, ""), (m.Header.ToUserName, m.FromUserName, m.Header.CreateTime, m.Content));
        Assert.Null(m.Header.MsgId);
    }

    [Fact]
    public void Parse_DuplicatedField_FirstOccurrenceWins()
    {
        var m = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(
            Xml("text", "<Content>first</Content><Content>second</Content><MsgId>1</MsgId>")));
        Assert.Equal("first", m.Content);
    }

    [Fact]
    public void Parse_EscapedTextOutsideCdata_IsUnescaped()
    {
        var m = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(Xml("text", "<Content>a &lt;b&gt; &amp; c</Content>")));
        Assert.Equal("a <b> & c", m.Content);
    }
}
