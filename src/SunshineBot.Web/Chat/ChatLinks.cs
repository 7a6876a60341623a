using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SunshineBot.Core.Parents;

namespace SunshineBot.Web.Chat;

/// <summary>
/// Links that open a parent's own conversation in the web chat. A channel that can only reach a parent with a notice
/// (WeChat outside its 48-hour window sends a template message) puts such a link in it, so the parent reads the reply
/// and answers the survey in the conversation they already have, not an empty new one. The link carries a signed,
/// expiring token naming the <see cref="ParentAddress"/>; opening it binds the browser's chat identity to it.
/// </summary>
public sealed class ChatLinks(IDataProtectionProvider protection, ChatOptions options, TimeProvider clock)
{
    public const string QueryKey = "wx";
    private readonly IDataProtector _protector = protection.CreateProtector("SunshineBot.Chat.WeChatLink.v1");

    /// <summary>The token for <paramref name="parent"/>, valid for <see cref="ChatOptions.WeChatLinkLifetime"/>.</summary>
    public string Create(ParentAddress parent)
    {
        ArgumentException.ThrowIfNullOrEmpty(parent.Id);
        var expires = (clock.GetUtcNow() + options.WeChatLinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect($"{expires}|{parent.Channel.Key()}|{parent.Id}");
    }

    /// <summary><paramref name="webChatUrl"/> with the token for <paramref name="parent"/> added to its query.</summary>
    public string UrlFor(string webChatUrl, ParentAddress parent)
    {
        ArgumentException.ThrowIfNullOrEmpty(webChatUrl);
        var fragment = webChatUrl.IndexOf('#', StringComparison.Ordinal);
        var (head, tail) = fragment < 0 ? (webChatUrl, "") : (webChatUrl[..fragment], webChatUrl[fragment..]);
        var separator = head.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return $"{head}{separator}{QueryKey}={Uri.EscapeDataString(Create(parent))}{tail}";
    }

    /// <summary>The conversation the token names, or null when it is forged, damaged or expired.</summary>
    public ParentAddress? Read(string? token)
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

        var parts = plain.Split('|', 3);
        if (parts.Length < 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        // Links issued before the channel was written into the token named only a WeChat OpenID.
        if (parts.Length == 2)
        {
            return parts[1].Length > 0 ? new ParentAddress(ParentChannel.WeChat, parts[1]) : null;
        }

        return ParentChannels.Parse(parts[1]) is { } channel && parts[2].Length > 0 ? new ParentAddress(channel, parts[2]) : null;
    }
}
