using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using SunshineBot.Web.Staff.Api;

namespace SunshineBot.Web.Staff.Auth;

/// <summary>The token response in the OAuth 2 shape (<c>access_token</c>, <c>expires_in</c>).</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);

/// <summary>
/// <c>POST /api/staff/token</c>: user name and password for an opaque, data-protected bearer token (ASP.NET Core's
/// BearerToken scheme reads it back). Issued here rather than by <c>SignIn</c>, whose response is camel-cased.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> IssueAsync(TokenRequest body, SignInStaff signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(bearer);
        ArgumentNullException.ThrowIfNull(clock);
        var result = await signIn.RunAsync(body.Username, body.Password, ct);
        if (result.Outcome != SignInOutcome.Success)
        {
            return result.Outcome == SignInOutcome.LockedOut
                ? StaffProblemFilter.Problem(423, "账号已锁定", result.Message)
                : StaffProblemFilter.Problem(401, "登录失败", result.Message);
        }

        var options = bearer.Get(StaffClaims.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(StaffClaims.PrincipalFor(result.User!, StaffClaims.BearerScheme, now, now), properties, StaffClaims.BearerScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (long)options.BearerTokenExpiration.TotalSeconds));
    }
}
