using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Pages.Staff;

public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffClaims.CookieScheme);
        return Redirect("/staff/login");
    }
}
