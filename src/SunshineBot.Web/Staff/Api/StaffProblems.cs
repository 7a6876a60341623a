using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Api;

/// <summary>
/// Turns what the use cases throw into RFC 7807 problem details with a Chinese title: not found or out of scope 404,
/// a role that may not 403, a state that forbids 409 (naming the state), a broken rule 422, a concurrent change 409.
/// </summary>
public sealed class StaffProblemFilter : IEndpointFilter
{
    public const string ConflictTitle = "工单已被他人修改，请刷新后重试";
    public const string ReauthenticateTitle = "请重新验证密码";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ToProblem(e) is { } problem)
        {
            return problem;
        }
    }

    public static IResult? ToProblem(Exception e) => e switch
    {
        StaffNotFoundException nf => Problem(404, "未找到", nf.Message),
        StaffForbiddenException fb => Problem(403, "没有权限执行此操作", fb.Message),
        UnauthorizedAccessException => Problem(401, "请重新登录", "账号已停用或密码已更改。"),
        Security.StaffReauthenticationException re => Problem(401, ReauthenticateTitle, re.Message + "请用 POST /api/staff/token 重新取得令牌。", new() { ["reauthenticate"] = true }),
        TicketActionNotAllowedException na => Problem(409, "当前状态不允许此操作", na.Message, new() { ["ticketStatus"] = na.Status.ToString(), ["ticketStatusLabel"] = Labels.Of(na.Status) }),
        DomainException de => Problem(422, "内容不符合要求", de.Message),
        DbUpdateConcurrencyException => Problem(409, ConflictTitle, "在您操作期间，工单已被他人修改。"),
        BadHttpRequestException bad => Problem(400, "请求格式不正确", bad.Message),
        _ => null,
    };

    public static IResult Problem(int status, string title, string? detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = extensions ?? [] });
}
