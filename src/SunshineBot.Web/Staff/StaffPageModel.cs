using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Api;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Staff;

/// <summary>
/// Base of the staff pages: loads the signed-in member before any handler, and turns what the use cases throw into a
/// message on the page (or a 404 for what is out of scope).
/// </summary>
public abstract class StaffPageModel : PageModel
{
    public StaffMember Member { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var access = HttpContext.RequestServices.GetRequiredService<StaffAccess>();
        var member = await access.FindAsync(User, HttpContext.RequestAborted);
        if (member is null)
        {
            await HttpContext.SignOutAsync(StaffClaims.CookieScheme);
            context.Result = Redirect("/staff/login");
            return;
        }

        Member = member;
        if (AdminOnly && !member.IsAdmin)
        {
            // Before any handler runs: a refused post never reaches a check that would answer about its form, and
            // the page is never shown again to someone who may not open it (found by the page POST access matrix).
            context.Result = Forbidden(AdminOnlyMessage);
            return;
        }

        var executed = await next();
        if (executed.Exception is { } e && !executed.ExceptionHandled)
        {
            if (e is Security.StaffReauthenticationException)
            {
                // Back to the page (a GET) after the password: the act itself is repeated by the member, not replayed.
                var back = HttpMethods.IsGet(Request.Method) ? Request.Path + Request.QueryString : Request.Path.ToString();
                executed.Result = Redirect("/staff/reauth?returnUrl=" + Uri.EscapeDataString(back));
                executed.ExceptionHandled = true;
            }
            else if (e is StaffNotFoundException)
            {
                executed.Result = NotFound();
                executed.ExceptionHandled = true;
            }
            else if (e is StaffForbiddenException or DomainException or DbUpdateConcurrencyException)
            {
                Error = e is DbUpdateConcurrencyException ? StaffProblemFilter.ConflictTitle : e.Message;
                HttpContext.Response.StatusCode = e switch
                {
                    StaffForbiddenException => 403,
                    TicketActionNotAllowedException or DbUpdateConcurrencyException => 409,
                    _ => 422,
                };
                executed.Result = await FailureResultAsync(e);
                executed.ExceptionHandled = true;
            }
        }
    }

    private async Task<IActionResult> FailureResultAsync(Exception e)
    {
        if (e is StaffForbiddenException && HttpMethods.IsGet(Request.Method))
        {
            return Forbidden(e.Message);
        }

        try
        {
            return await OnFailureAsync();
        }
        catch (StaffForbiddenException again)
        {
            return Forbidden(again.Message);
        }
        catch (StaffNotFoundException)
        {
            // Refused before the scope was checked (a role rule), and the page cannot be shown again: outside the
            // caller's scope it is 404, as for any other request (found by the access matrix's page POSTs).
            HttpContext.Response.StatusCode = 404;
            return NotFound();
        }
    }

    /// <summary>
    /// Pages only centre admins may open (accounts, units, roster, jobs, ...): every handler, GET or POST, answers
    /// 403 to anyone else before it runs. The use cases check the role again.
    /// </summary>
    protected virtual bool AdminOnly => false;

    private const string AdminOnlyMessage = "只有中心管理员可以进行此操作。";

    private static ContentResult Forbidden(string message) =>
        new() { StatusCode = 403, ContentType = "text/plain; charset=utf-8", Content = message };

    /// <summary>What to show when a handler failed with a message in <see cref="Error"/>: by default the page again.</summary>
    protected virtual async Task<IActionResult> OnFailureAsync()
    {
        await ReloadAsync();
        return Page();
    }

    /// <summary>Reloads what the page shows after a failed post.</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;

    protected IActionResult Done(string notice, string? url = null)
    {
        Notice = notice;
        return Redirect(url ?? Request.Path);
    }
}
