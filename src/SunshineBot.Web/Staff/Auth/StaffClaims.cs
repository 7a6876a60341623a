using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using SunshineBot.Core.Staff;

namespace SunshineBot.Web.Staff.Auth;

/// <summary>
/// What a cookie or bearer token carries: the account id and a stamp of the password hash, so a password reset ends
/// every session. Role and unit are read from the database on each request.
/// </summary>
public static class StaffClaims
{
    public const string CookieScheme = "StaffCookie";
    public const string BearerScheme = "StaffBearer";
    public const string PagesPolicy = "StaffPages";
    public const string ApiPolicy = "StaffApi";

    public const string UserId = "sunshine:uid";
    public const string Stamp = "sunshine:stamp";

    /// <summary>When this session began with a password (Unix seconds): bounds the page session's whole length.</summary>
    public const string SignedInAt = "sunshine:signed_in";

    /// <summary>When the password was last typed in this session (Unix seconds): see <c>RecentPassword</c>.</summary>
    public const string PasswordAt = "sunshine:password_at";

    public static string StampOf(StaffUser user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)), 0, 8);

    public static ClaimsPrincipal PrincipalFor(StaffUser user, string scheme, DateTimeOffset signedInAt, DateTimeOffset passwordAt) =>
        new(new ClaimsIdentity(
            [
                new Claim(UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(Stamp, StampOf(user)),
                new Claim(SignedInAt, Seconds(signedInAt)),
                new Claim(PasswordAt, Seconds(passwordAt)),
            ],
            scheme));

    public static DateTimeOffset? TimeOf(ClaimsPrincipal principal, string claim) =>
        long.TryParse(principal?.FindFirstValue(claim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
