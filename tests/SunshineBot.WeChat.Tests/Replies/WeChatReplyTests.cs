using System.Xml.Linq;
using SunshineBot.WeChat.Messages;
using SunshineBot.WeChat.Replies;
using static SunshineBot.WeChat.Tests.OfficialVectors;

namespace SunshineBot.WeChat.Tests.Replies;

public sealed class WeChatReplyTests
{
    [Fact]
    public void Text_SwapsSenderAndReceiverAndCarriesContent()
    {
        var xml = XElement.Parse(WeChatReply.Text("o_parent", "gh_bureau", 1715943330, "您好，已收到。"));
        Assert.Equal("xml", xml.Name.LocalName);
        Assert.Equal("o_parent", (string?)xml.Element("ToUserName"));
        Assert.Equal("gh_bureau", (string?)xml.Element("FromUserName"));
        Assert.Equal("1715943330", (string?)xml.Element("CreateTime"));
        Assert.Equal("text", (string?)xml.Element("MsgType"));
        Assert.Equal("您好，已收到。", (string?)xml.Element("Content"));
    }

    [Fact]
    public void Text_ContentThatWouldCloseCdata_RoundTripsThroughOurParser()
    {
        const string nasty = "a]]><MsgType>image</MsgType><![CDATA[b & <c>";
        var reply = WeChatReply.Text("o", "gh", 1, nasty);
        var parsed = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(reply));
        Assert.Equal(nasty, parsed.Content);
        Assert.Equal("text", parsed.Header.MsgType);
    }

    [Fact]
    public void Text_CharactersXmlCannotCarry_AreDroppedNotThrown()
    {
        var reply = WeChatReply.Text("o", "gh", 1, "a\u0001b\uD800c😀d");
        var parsed = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(reply));
        Assert.Equal("abc😀d", parsed.Content);
    }

    [Fact]
    public void Image_CarriesMediaIdInsideImage()
    {
        var xml = XElement.Parse(WeChatReply.Image("o", "gh", 1, "media-9"));
        Assert.Equal("image", (string?)xml.Element("MsgType"));
        Assert.Equal("media-9", (string?)xml.Element("Image")?.Element("MediaId"));
    }

    [Fact]
    public void News_WritesCountAndEveryArticle()
    {
        var xml = XElement.Parse(WeChatReply.News("o", "gh", 1,
        [
            new WeChatNewsArticle("收费政策", "教辅材料自愿购买", "https://x.example/p.png", "https://x.example/a"),
            new WeChatNewsArticle("课后服务", "按规定收费", null, "https://x.example/b"),
        ]));
        Assert.Equal("news", (string?)xml.Element("MsgType"));
        Assert.Equal("2", (string?)xml.Element("ArticleCount"));
        var items = xml.Element("Articles")!.Elements("item").ToList();
        Assert.Equal(["收费政策", "课后服务"], items.Select(i => (string?)i.Element("Title")));
        Assert.Equal("https://x.example/b", (string?)items[1].Element("Url"));
        Assert.Equal("", (string?)items[1].Element("PicUrl"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void News_OutsideOneToEightArticles_Throws(int count)
    {
        var articles = Enumerable.Range(0, count).Select(i => new WeChatNewsArticle($"t{i}", "d", null, "https://x.example")).ToList();
        Assert.Throws<ArgumentOutOfRangeException>(() => WeChatReply.News("o", "gh", 1, articles));
    }

    [Fact]
    public void EncryptedEnvelope_ThirdPartyDocReply_HasThePublishedFields()
    {
        var xml = XElement.Parse(WeChatReply.EncryptedEnvelope(DocReplyEncrypt, DocReplySignature, DocReplyTimestamp, DocReplyNonce));
        Assert.Equal(DocReplyEncrypt, (string?)xml.Element("Encrypt"));
        Assert.Equal(DocReplySignature, (string?)xml.Element("MsgSignature"));
        Assert.Equal(DocReplyTimestamp, (string?)xml.Element("TimeStamp"));
        Assert.Equal(DocReplyNonce, (string?)xml.Element("Nonce"));
        Assert.Equal(4, xml.Elements().Count());
    }

    [Fact]
    public void Text_EmptyReceiver_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => WeChatReply.Text("", "gh", 1, "x"));
}
