using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SunshineBot.Web.Chat;

/// <summary>Whose conversation a browser shows: the channel and the user within it.</summary>
public readonly record struct ChatUser(string Channel, string UserId);

/// <summary>
/// The web-chat parent's identity: a random device id in a signed, http-only cookie. A forged or tampered cookie is
/// ignored and a new identity issued. A browser opened from a WeChat link (<see cref="WeChatChatLinks"/>) carries
/// "wx:" + the OpenID instead and shows that parent's WeChat conversation.
/// </summary>
public sealed class DeviceIdentity(IDataProtectionProvider protection)
{
    public const string CookieName = "sb_device";
    private const string WeChatPrefix = "wx:";
    private readonly IDataProtector _protector = protection.CreateProtector("SunshineBot.Chat.Device.v1");

    public string? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public string GetOrCreate(HttpContext http)
    {
        if (Read(http) is { } existing)
        {
            return existing;
        }

        var id = "w" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Write(http, id);
        return id;
    }

    /// <summary>The conversation this browser shows, creating a device identity when it has none.</summary>
    public ChatUser Resolve(HttpContext http) => Of(GetOrCreate(http));

    /// <summary>The conversation this browser shows, or null when it has no identity yet.</summary>
    public ChatUser? Current(HttpContext http) => Read(http) is { } id ? Of(id) : null;

    /// <summary>From now on this browser shows the WeChat conversation of <paramref name="openId"/>.</summary>
    public void AdoptWeChat(HttpContext http, string openId) => Write(http, WeChatPrefix + openId);

    private static ChatUser Of(string id) =>
        id.StartsWith(WeChatPrefix, StringComparison.Ordinal) ? new ChatUser(WeChat.WeChatOutbox.Channel, id[WeChatPrefix.Length..]) : new ChatUser(ChatEndpoints.Channel, id);

    private void Write(HttpContext http, string id)
    {
        http.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
            IsEssential = true,
        });
    }
}
