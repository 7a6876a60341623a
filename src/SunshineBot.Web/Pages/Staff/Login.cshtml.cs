using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Pages.Staff;

public sealed class LoginModel(SignInStaff signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.RunAsync(UserName, Password, HttpContext.RequestAborted);
        if (result.Outcome != SignInOutcome.Success)
        {
            Message = result.Message;
            Response.StatusCode = result.Outcome == SignInOutcome.LockedOut ? 423 : 401;
            return Page();
        }

        var now = clock.GetUtcNow();
        await HttpContext.SignInAsync(StaffClaims.CookieScheme, StaffClaims.PrincipalFor(result.User!, StaffClaims.CookieScheme, now, now));
        // Only a local page of the staff area: never an open redirect.
        var target = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? url : "/staff";
        return LocalRedirect(target);
    }
}
