using FsCheck;
using FsCheck.Fluent;

namespace SunshineBot.WeChat.Tests.Security;

/// <summary>Generated hostile XML, shared by the parser properties and the webhook properties of the host.</summary>
public static class HostileXmlGen
{
    private static readonly string[] Fragments =
    [
        "<?xml version=\"1.0\"?>", "<!DOCTYPE xml [<!ENTITY x \"y\">]>", "<!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "<!ENTITY % p SYSTEM \"http://127.0.0.1:9/\"> %p;", "&x;", "&e;", "&lt;", "&#0;", "&#xD800;", "<xml>", "</xml>",
        "<ToUserName><![CDATA[gh_x]]></ToUserName>", "<FromUserName><![CDATA[o1]]></FromUserName>", "<MsgType>text</MsgType>",
        "<MsgType><![CDATA[event]]></MsgType>", "<Event>subscribe</Event>", "<Content><![CDATA[你好]]></Content>", "<Content>",
        "<CreateTime>99999999999999999999</CreateTime>", "<CreateTime>-1</CreateTime>", "<MsgId>abc</MsgId>", "<Encrypt>", "</Encrypt>",
        "<![CDATA[", "]]>", "<", ">", "\"", "'", "\u0000", "\u0001", "\uFFFE", "\uD83D", "<a b=\"1\" b=\"2\"/>", "<x:y xmlns:x=\"u\"/>",
        "<?pi data?>", "<!-- c -->", "<!--", new string('A', 5000), "<xml/>", "<PicUrl>javascript:alert(1)</PicUrl>",
    ];

    /// <summary>
    /// Fragments that hostile XML is made of (DTDs, entities, unclosed and nested tags, CDATA tricks, huge and control
    /// characters), shuffled with arbitrary strings.
    /// </summary>
    public static Gen<string> Xml => Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts)),
        Gen.Zip(Gen.Elements(Fragments).ListOf(), ArbMap.Default.GeneratorFor<string>())
            .Select(p => "<xml>" + string.Concat(p.Item1) + (p.Item2 ?? "") + "</xml>"),
        Gen.Choose(0, 20).Select(depth => string.Concat(Enumerable.Repeat("<a>", depth * 100)) + "x"));
}
