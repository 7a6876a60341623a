namespace SunshineBot.WeChat.Messages;

/// <summary>
/// A body that is not acceptable WeChat XML: malformed, truncated, too large, or carrying a DTD
/// (external entities, entity expansion). The endpoint answers 400 without details.
/// </summary>
public sealed class WeChatXmlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatXmlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the parser's error.</summary>
    public WeChatXmlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WeChatXmlException()
        : base("The body is not acceptable WeChat XML.")
    {
    }
}
