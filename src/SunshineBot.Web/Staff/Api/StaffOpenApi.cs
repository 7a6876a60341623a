using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SunshineBot.Web.Staff.Api;

/// <summary>The problem responses an endpoint declares, each with its Chinese description (the titles it answers with).</summary>
public sealed record ProblemResponses(IReadOnlyDictionary<int, string> Descriptions);

/// <summary>
/// The OpenAPI side of the API's problem details: a convention on the route groups that declares, on every endpoint,
/// the problem responses it can give (RFC 7807, <c>application/problem+json</c>), worked out from the endpoint itself
/// (anonymous or not, route parameters, ticket action), and an operation transformer that writes the Chinese titles
/// into each response's description. A new endpoint in a group gets them without anyone remembering to.
/// </summary>
public static class StaffOpenApi
{
    public const string ProblemContentType = "application/problem+json";

    private static readonly Dictionary<int, string> Staff = new()
    {
        [400] = "查询条件不正确 / 请求格式不正确：查询条件无法读取；请求体缺失、不是 JSON、字段类型不对或枚举名不认识（枚举用英文名，如 \"Complaint\"）",
        [401] = "请先登录 / 请重新登录 / 请重新验证密码：缺少、伪造或过期的访问令牌；账号已停用或密码已更改；此操作需要最近输入过的密码（用 POST /api/staff/token 重新取得令牌）",
        [403] = "没有权限执行此操作：当前角色不能执行这项操作（detail 说明角色和操作）",
        [404] = "未找到：工单、单位、账号或记录不存在，或不在本单位管辖范围内",
        [409] = "当前状态不允许此操作 / 工单已被他人修改，请刷新后重试：工单当前状态不允许（ticketStatus、ticketStatusLabel 给出状态），或在操作期间被他人修改",
        [422] = "内容不符合要求：不符合业务规则（如答复过短、缺少公章、电话号码不正确），原因见 detail",
        [429] = Security.RateLimitRejection.StaffText,
    };

    private static readonly Dictionary<int, string> SignIn = new()
    {
        [400] = "请求格式不正确：请求体应为 JSON 对象 { \"username\": …, \"password\": … }",
        [401] = "登录失败：用户名或密码不正确（不区分是哪一项）",
        [423] = "账号已锁定：连续登录失败次数过多，请稍后再试",
        [429] = Staff[429],
    };

    /// <summary>What <c>POST /api/integration/tickets</c> answers when it refuses a ticket.</summary>
    public static readonly IReadOnlyDictionary<int, string> Integration = new Dictionary<int, string>
    {
        [400] = "请求格式不正确：请求体应为 JSON 对象，字段名使用 camelCase",
        [401] = "签名校验失败：未知的对接平台、X-Sunshine-Timestamp 与服务器时间相差超过300秒，或 X-Sunshine-Signature 与请求内容不符",
        [413] = "请求内容过大：请求体超过 Integration:MaxBodyBytes",
        [422] = "内容不符合要求：字段缺失或取值不正确（如受理类型、学校、电话），原因见 detail；什么也不会保存",
        [429] = Security.RateLimitRejection.StaffText,
    };

    /// <summary>Declares the staff API's problem responses on every endpoint of the group (see <see cref="StaffProblemsOf"/>).</summary>
    public static TBuilder WithStaffProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithProblems(StaffProblemsOf);

    /// <summary>Declares, on every endpoint of the builder, the problem responses <paramref name="of"/> picks for it.</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, Func<EndpointBuilder, IReadOnlyDictionary<int, string>> of)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(of);
        builder.Finally(endpoint =>
        {
            var problems = of(endpoint);
            foreach (var status in problems.Keys.Order())
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemContentType]));
            }

            endpoint.Metadata.Add(new ProblemResponses(problems));
        });
        return builder;
    }

    /// <summary>
    /// The sign-in's own for <c>POST /api/staff/token</c> (anonymous); for every other endpoint 400, 401, 403, 422 and
    /// 429, plus 404 when it names something (a route parameter, or a unit in the query of reports and the roster) and
    /// 409 when it changes a ticket.
    /// </summary>
    public static IReadOnlyDictionary<int, string> StaffProblemsOf(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.OfType<IAllowAnonymous>().Any())
        {
            return SignIn;
        }

        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
        var path = (pattern?.RawText ?? "").Trim('/');
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        var changes = methods.Any(m => !HttpMethods.IsGet(m));
        var names = pattern?.Parameters.Count > 0 || path.StartsWith("api/staff/reports", StringComparison.Ordinal) || path.StartsWith("api/staff/duty", StringComparison.Ordinal);
        var changesTicket = changes && path.StartsWith("api/staff/tickets/{number}/", StringComparison.Ordinal);
        return Staff.Where(p => p.Key switch
        {
            404 => names,
            409 => changesTicket,
            _ => true,
        }).ToDictionary();
    }

    /// <summary>The OpenAPI document: each declared problem response described with its Chinese titles.</summary>
    public static void AddProblemDescriptions(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            var problems = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemResponses>().LastOrDefault();
            foreach (var (status, text) in problems?.Descriptions ?? new Dictionary<int, string>())
            {
                if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is IOpenApiDescribedElement response)
                {
                    response.Description = text;
                }
            }

            return Task.CompletedTask;
        });
    }
}
