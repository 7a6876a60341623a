namespace SunshineBot.WeChat.Messages;

/// <summary>The outer document of an encrypted request: <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;/xml&gt;</c>.</summary>
/// <param name="ToUserName">The account's original id, in clear.</param>
/// <param name="Encrypt">The base64 ciphertext that <c>msg_signature</c> covers.</param>
public sealed record WeChatEncryptedEnvelope(string ToUserName, string Encrypt)
{
    /// <summary>Reads the envelope.</summary>
    /// <exception cref="WeChatXmlException">The XML is unacceptable or has no <c>Encrypt</c>.</exception>
    public static WeChatEncryptedEnvelope Parse(string xml, int maxCharacters = WeChatXml.DefaultMaxCharacters)
    {
        var fields = WeChatXml.ReadFields(xml, maxCharacters);
        if (!fields.TryGetValue("Encrypt", out var encrypt) || string.IsNullOrWhiteSpace(encrypt))
        {
            throw new WeChatXmlException("The envelope has no Encrypt field.");
        }

        return new WeChatEncryptedEnvelope(fields.GetValueOrDefault("ToUserName", ""), encrypt.Trim());
    }
}
