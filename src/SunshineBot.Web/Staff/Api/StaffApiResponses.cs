using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SunshineBot.Web.Staff.Api;

/// <summary>
/// Problem details for what happens before a staff API handler runs: a body or parameter that cannot be bound (the
/// framework answers an empty 400, or in Development throws and would show the developer page with the request's
/// headers, bearer token included), and a missing or expired token (an empty 401 from the bearer scheme). Every
/// answer is marked <c>Cache-Control: no-store</c>: a revealed name and phone must not linger in a cache.
/// </summary>
public static class StaffApiResponses
{
    public const string BadRequestTitle = "请求格式不正确";
    public const string SignInTitle = "请先登录";

    /// <summary>Wraps each API endpoint once its request delegate is built, and declares its problem responses (OpenAPI).</summary>
    public static void UseStaffApiResponses(this IEndpointConventionBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.WithStaffProblems();
        api.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is not { } inner)
            {
                return;
            }

            endpoint.RequestDelegate = async context =>
            {
                context.Response.Headers.CacheControl = "no-store";
                try
                {
                    await inner(context);
                }
                catch (BadHttpRequestException) when (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                }

                if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted)
                {
                    await StaffProblemFilter.Problem(400, BadRequestTitle, "请求内容无法读取：请检查 JSON 格式、字段名和字段类型（枚举用英文名，如 \"Complaint\"）。").ExecuteAsync(context);
                }
            };
        });
    }
}

/// <summary>The framework's answer to a failed authorization, plus a problem-details body on the staff API.</summary>
public sealed class StaffAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden)
            && context.Request.Path.StartsWithSegments("/api/staff", StringComparison.OrdinalIgnoreCase)
            && !context.Response.HasStarted)
        {
            var problem = context.Response.StatusCode == StatusCodes.Status403Forbidden
                ? StaffProblemFilter.Problem(403, "没有权限执行此操作", null)
                : StaffProblemFilter.Problem(401, StaffApiResponses.SignInTitle, "缺少访问令牌或令牌已过期：请先用 POST /api/staff/token 取得令牌，放在 Authorization: Bearer 头中。");
            await problem.ExecuteAsync(context);
        }
    }
}
