using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Links from a WeChat template message into the web chat. WeChat only lets us write to a parent inside 48 hours of
/// their last message; after that a template message carries a link, and the link must open the parent's own WeChat
/// conversation (the official reply, the revisit survey) rather than an empty new one. The link carries a signed,
/// expiring token naming the OpenID; opening it binds the browser's chat identity to that conversation.
/// </summary>
public sealed class WeChatChatLinks(IDataProtectionProvider protection, ChatOptions options, TimeProvider clock)
{
    public const string QueryKey = "wx";
    private readonly IDataProtector _protector = protection.CreateProtector("SunshineBot.Chat.WeChatLink.v1");

    /// <summary>The token for <paramref name="openId"/>, valid for <see cref="ChatOptions.WeChatLinkLifetime"/>.</summary>
    public string Create(string openId)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        var expires = (clock.GetUtcNow() + options.WeChatLinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(expires + "|" + openId);
    }

    /// <summary><paramref name="webChatUrl"/> with the token for <paramref name="openId"/> added to its query.</summary>
    public string UrlFor(string webChatUrl, string openId)
    {
        ArgumentException.ThrowIfNullOrEmpty(webChatUrl);
        var fragment = webChatUrl.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = fragment < 0 ? (webChatUrl, "") : (webChatUrl[..fragment], webChatUrl[fragment..]);
        var separator = head.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return $"{head}{separator}{QueryKey}={Uri.EscapeDataString(Create(openId))}{tail}";
    }

    /// <summary>The OpenID the token names, or null when it is forged, damaged or expired.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        string plain;
        try
        {
            plain = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var bar = plain.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(plain.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? plain[(bar + 1)..] : null;
    }
}
