using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SunshineBot.Web.Chat;

/// <summary>
/// The web-chat parent's identity: a random device id in a signed, http-only cookie. A forged or tampered cookie is
/// ignored and a new identity issued.
/// </summary>
public sealed class DeviceIdentity(IDataProtectionProvider protection)
{
    public const string CookieName = "sb_device";
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
        http.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
            IsEssential = true,
        });
        return id;
    }
}
