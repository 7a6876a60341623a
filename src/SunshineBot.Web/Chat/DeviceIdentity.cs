using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SunshineBot.Core.Parents;

namespace SunshineBot.Web.Chat;

/// <summary>
/// The web-chat parent's identity: a random device id in a signed, http-only cookie. A forged or tampered cookie is
/// ignored and a new identity issued. A browser opened from a link into another conversation (<see cref="ChatLinks"/>)
/// carries "{channel}|{id}" instead and shows that conversation.
/// </summary>
public sealed class DeviceIdentity(IDataProtectionProvider protection)
{
    public const string CookieName = "sb_device";
    private const char AdoptedSeparator = '|';

    // Cookies written before adopted conversations named their channel: "wx:" + a WeChat OpenID.
    private const string LegacyPrefix = "wx:";
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
    public ParentAddress Resolve(HttpContext http) => Of(GetOrCreate(http));

    /// <summary>The conversation this browser shows, or null when it has no identity yet.</summary>
    public ParentAddress? Current(HttpContext http) => Read(http) is { } id ? Of(id) : null;

    /// <summary>From now on this browser shows the conversation of <paramref name="parent"/>.</summary>
    public void Adopt(HttpContext http, ParentAddress parent) => Write(http, parent.Channel.Key() + AdoptedSeparator + parent.Id);

    private static ParentAddress Of(string id)
    {
        var bar = id.IndexOf(AdoptedSeparator, StringComparison.Ordinal);
        if (bar > 0 && ParentChannels.Parse(id[..bar]) is { } channel)
        {
            return new ParentAddress(channel, id[(bar + 1)..]);
        }

        return id.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            ? new ParentAddress(ParentChannel.WeChat, id[LegacyPrefix.Length..])
            : new ParentAddress(ParentChannel.WebChat, id);
    }

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
