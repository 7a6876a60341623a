using System.Text;
using SunshineBot.WeChat.Messages;

namespace SunshineBot.WeChat.Tests.Messages;

public sealed class WeChatHostileXmlTests
{
    [Fact]
    public void Parse_ExternalEntityToEtcPasswd_IsRefusedWithoutReadingTheFile()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content></xml>
            """;
        var ex = Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(xxe));
        Assert.DoesNotContain("root:", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParameterEntityOutOfBand_IsRefused()
    {
        const string oob = """
            <!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
            <xml><MsgType>text</MsgType></xml>
            """;
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(oob));
    }

    [Fact]
    public void Parse_BillionLaughs_IsRefused()
    {
        var dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        dtd.Append("]><xml><MsgType>text</MsgType><Content>&lol9;</Content></xml>");
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(dtd.ToString()));
    }

    [Fact]
    public void Parse_TenMegabyteBody_IsRefused()
    {
        var body = "<xml><MsgType>text</MsgType><Content>" + new string('a', 10 * 1024 * 1024) + "</Content></xml>";
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(body));
    }

    [Fact]
    public void ReadFields_BodyOverTheCapOnlyThroughEntities_IsRefused()
    {
        // Under the raw length cap but with a DTD: refused before any expansion.
        Assert.Throws<WeChatXmlException>(() => WeChatXml.ReadFields("<!DOCTYPE xml [<!ENTITY a \"aaaa\">]><xml><C>&a;</C></xml>", 1000));
    }

    [Theory]
    [InlineData("<xml><ToUserName><![CDATA[gh]]></ToUserName><MsgType><![CDATA[te")]
    [InlineData("<xml><MsgType>text</MsgType>")]
    [InlineData("<xml><MsgType>text</Msgtype></xml>")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("{\"MsgType\":\"text\"}")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("<xml>\u0001</xml>")]
    public void Parse_MalformedOrTruncated_IsRefused(string body) =>
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(body));

    [Theory]
    [InlineData("<root><MsgType>text</MsgType></root>")]
    [InlineData("<x:xml xmlns:x=\"urn:evil\"><MsgType>text</MsgType></x:xml>")]
    public void Parse_WrongRootElement_IsRefused(string body) =>
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(body));

    [Fact]
    public void Parse_DeeplyNestedElements_IsRefused()
    {
        // 50,000 levels: a tree-building parser spends most of a minute here; the field reader stops at once.
        var body = "<xml><MsgType>text</MsgType><Content>" + string.Concat(Enumerable.Repeat("<a>", 50_000))
            + string.Concat(Enumerable.Repeat("</a>", 50_000)) + "</Content></xml>";
        Assert.Throws<WeChatXmlException>(() => WeChatMessageParser.Parse(body, maxCharacters: 1_000_000));
    }

    [Fact]
    public void ReadFields_NestedEventInfo_KeepsItsText()
    {
        var fields = WeChatXml.ReadFields(
            "<xml><Event>scancode_push</Event><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo><After>x</After></xml>");
        Assert.Equal("qrcode1", fields["ScanCodeInfo"]);
        Assert.Equal("x", fields["After"]);
    }

    [Fact]
    public void EnvelopeParse_WithoutEncrypt_IsRefused() =>
        Assert.Throws<WeChatXmlException>(() => WeChatEncryptedEnvelope.Parse("<xml><ToUserName>gh</ToUserName></xml>"));

    [Fact]
    public void EnvelopeParse_WithEncrypt_ReadsBothFields()
    {
        var envelope = WeChatEncryptedEnvelope.Parse("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[ QUJD ]]></Encrypt></xml>");
        Assert.Equal(new WeChatEncryptedEnvelope("gh_1", "QUJD"), envelope);
    }
}
