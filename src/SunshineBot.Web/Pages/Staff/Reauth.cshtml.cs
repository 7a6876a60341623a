using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Pages.Staff;

/// <summary>
/// 验证密码: the signed-in member types the password again (failures count towards the lockout like any sign-in);
/// the session keeps its start and gets a fresh password time, then goes back to the page it came from.
/// </summary>
public sealed class ReauthModel(SignInStaff signIn, IOptions<StaffOptions> options, TimeProvider clock) : StaffPageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public int Minutes => options.Value.ReauthenticateMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.RunAsync(Member.UserName, Password, HttpContext.RequestAborted, AuditKinds.Reauthenticated);
        if (result.Outcome != SignInOutcome.Success)
        {
            if (result.Outcome == SignInOutcome.LockedOut)
            {
                await HttpContext.SignOutAsync(StaffClaims.CookieScheme);
                return Redirect("/staff/login");
            }

            Message = "密码不正确。";
            Response.StatusCode = 401;
            return Page();
        }

        var now = clock.GetUtcNow();
        var began = StaffClaims.TimeOf(User, StaffClaims.SignedInAt) ?? now;
        await HttpContext.SignInAsync(StaffClaims.CookieScheme, StaffClaims.PrincipalFor(result.User!, StaffClaims.CookieScheme, began, now));
        var target = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
        return LocalRedirect(target);
    }
}
