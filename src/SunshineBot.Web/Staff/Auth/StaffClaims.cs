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

    public static string StampOf(StaffUser user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)), 0, 8);

    public static ClaimsPrincipal PrincipalFor(StaffUser user, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(Stamp, StampOf(user)),
            ],
            scheme));
}
