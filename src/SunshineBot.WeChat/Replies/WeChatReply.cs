using System.Globalization;
using System.Text;
using System.Xml;

namespace SunshineBot.WeChat.Replies;

/// <summary>One article of a news reply (图文消息).</summary>
/// <param name="Title">The headline.</param>
/// <param name="Description">The summary line.</param>
/// <param name="PicUrl">The picture; WeChat prefers 360×200 (large) or 200×200 (small).</param>
/// <param name="Url">Where a tap leads.</param>
public sealed record WeChatNewsArticle(string Title, string Description, string? PicUrl, string Url);

/// <summary>
/// Builds passive replies (被动回复): the XML written straight into the webhook's response. Note the
/// swap: the reply's <c>ToUserName</c> is the user's OpenID and its <c>FromUserName</c> the account.
/// </summary>
public static class WeChatReply
{
    /// <summary>
    /// The most a text reply's <c>Content</c> may hold, in UTF-8 bytes (被动回复用户消息: "不超过2048字节"). WeChat
    /// drops a longer reply without a word, so a caller that cannot fit must answer another way.
    /// </summary>
    public const int MaxTextBytes = 2048;

    /// <summary>True when <paramref name="content"/> fits one text reply.</summary>
    public static bool FitsText(string content) => System.Text.Encoding.UTF8.GetByteCount(content ?? "") <= MaxTextBytes;

    /// <summary>A text reply.</summary>
    public static string Text(string toOpenId, string fromAccount, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Build(toOpenId, fromAccount, createTime, "text", w => Field(w, "Content", content));
    }

    /// <summary>An image reply; the media id comes from uploading the image first.</summary>
    public static string Image(string toOpenId, string fromAccount, long createTime, string mediaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        return Build(toOpenId, fromAccount, createTime, "image", w =>
        {
            w.WriteStartElement("Image");
            Field(w, "MediaId", mediaId);
            w.WriteEndElement();
        });
    }

    /// <summary>A news reply of 1 to 8 articles (WeChat shows only one in reply to most user messages).</summary>
    public static string News(string toOpenId, string fromAccount, long createTime, IReadOnlyList<WeChatNewsArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(articles), "A news reply carries 1 to 8 articles.");
        }

        return Build(toOpenId, fromAccount, createTime, "news", w =>
        {
            w.WriteElementString("ArticleCount", articles.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("Articles");
            foreach (var article in articles)
            {
                w.WriteStartElement("item");
                Field(w, "Title", article.Title);
                Field(w, "Description", article.Description);
                Field(w, "PicUrl", article.PicUrl ?? "");
                Field(w, "Url", article.Url);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    /// <summary>
    /// The encrypted reply envelope for compatible and safe mode: <c>Encrypt</c>, <c>MsgSignature</c>,
    /// <c>TimeStamp</c> and <c>Nonce</c>.
    /// </summary>
    public static string EncryptedEnvelope(string encrypt, string msgSignature, string timestamp, string nonce) =>
        Write(w =>
        {
            Field(w, "Encrypt", encrypt);
            Field(w, "MsgSignature", msgSignature);
            w.WriteElementString("TimeStamp", timestamp);
            Field(w, "Nonce", nonce);
        });

    private static string Build(string to, string from, long createTime, string msgType, Action<XmlWriter> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentException.ThrowIfNullOrEmpty(from);
        return Write(w =>
        {
            Field(w, "ToUserName", to);
            Field(w, "FromUserName", from);
            w.WriteElementString("CreateTime", createTime.ToString(CultureInfo.InvariantCulture));
            Field(w, "MsgType", msgType);
            body(w);
        });
    }

    private static string Write(Action<XmlWriter> fields)
    {
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Encoding.UTF8 };
        using (var writer = XmlWriter.Create(output, settings))
        {
            writer.WriteStartElement("xml");
            fields(writer);
            writer.WriteEndElement();
        }

        return output.ToString();
    }

    /// <summary>
    /// Writes a CDATA field, splitting any "]]&gt;" in the value so it cannot close the section early, and
    /// dropping characters XML cannot carry (control characters, lone surrogates) that echoed user text may hold.
    /// </summary>
    private static void Field(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        var rest = XmlSafe(value).AsSpan();
        int cut;
        while ((cut = rest.IndexOf("]]>", StringComparison.Ordinal)) >= 0)
        {
            writer.WriteCData(rest[..(cut + 2)].ToString());
            rest = rest[(cut + 2)..];
        }

        writer.WriteCData(rest.ToString());
        writer.WriteEndElement();
    }

    private static string XmlSafe(string value)
    {
        StringBuilder? safe = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                safe?.Append(c);
                if (pair)
                {
                    // Step over the low surrogate even while nothing was copied yet (safe is still null).
                    i++;
                    safe?.Append(value[i]);
                }
            }
            else
            {
                safe ??= new StringBuilder(value, 0, i, value.Length);
            }
        }

        return safe?.ToString() ?? value;
    }
}
