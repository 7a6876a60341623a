using SunshineBot.Web.Staff.Api;

namespace SunshineBot.Web.Staff.Auth;

/// <summary><c>POST /api/staff/token</c>: user name and password for an opaque, data-protected bearer token.</summary>
public static class TokenEndpoint
{
    public static async Task<IResult> IssueAsync(TokenRequest body, SignInStaff signIn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var result = await signIn.RunAsync(body.Username, body.Password, ct);
        return result.Outcome switch
        {
            // Writes { token_type, access_token, expires_in, refresh_token }.
            SignInOutcome.Success => TypedResults.SignIn(StaffClaims.PrincipalFor(result.User!, StaffClaims.BearerScheme), authenticationScheme: StaffClaims.BearerScheme),
            SignInOutcome.LockedOut => StaffProblemFilter.Problem(423, "账号已锁定", result.Message),
            _ => StaffProblemFilter.Problem(401, "登录失败", result.Message),
        };
    }
}
