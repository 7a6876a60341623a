using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The OpenAPI document the real host serves, checked against the host's own endpoint table (so a new endpoint cannot
/// escape): every staff API and integration operation declares its problem responses, as problem details, each with a
/// Chinese description naming the titles it answers with.
/// </summary>
public sealed partial class StaffOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_EveryStaffAndIntegrationOperation_DeclaresProblemResponsesWithChineseDescriptions()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var operations = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: (e.RoutePattern.RawText ?? "").Trim('/')))
            .Where(e => e.Pattern.StartsWith("api/staff", StringComparison.Ordinal) || e.Pattern.StartsWith("api/integration", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                (Method: m, Path: "/" + Parameter().Replace(e.Pattern, "{$1}"), Anonymous: e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Distinct().ToList();
        Assert.True(operations.Count > 60, $"only {operations.Count} operations found");
        Assert.Contains(operations, o => o.Path == "/api/integration/tickets");
        Assert.Contains(operations, o => o.Path == "/api/staff/reports/self-check");

        var failures = new List<string>();
        foreach (var (method, path, anonymous) in operations)
        {
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                failures.Add($"{method} {path}: not in the document");
                continue;
            }

            var problems = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToDictionary(r => r.Name, r => r.Value);
            var integration = path.StartsWith("/api/integration", StringComparison.Ordinal);
            string[] expected = anonymous || integration ? ["400", "401"] : ["400", "401", "403", "422"];
            foreach (var missing in expected.Where(s => !problems.ContainsKey(s)))
            {
                failures.Add($"{method} {path}: no {missing} response");
            }

            foreach (var (status, response) in problems)
            {
                var description = response.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
                if (!Chinese().IsMatch(description))
                {
                    failures.Add($"{method} {path} {status}: description '{description}' is not Chinese");
                }

                if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                {
                    failures.Add($"{method} {path} {status}: not declared as application/problem+json");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        string Description(string path, string method, string status) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).GetProperty("description").GetString()!;
        Assert.StartsWith("当前状态不允许此操作", Description("/api/staff/tickets/{number}/dispatch", "post", "409"), StringComparison.Ordinal);
        Assert.StartsWith("未找到", Description("/api/staff/tickets/{number}", "get", "404"), StringComparison.Ordinal);
        Assert.StartsWith("账号已锁定", Description("/api/staff/token", "post", "423"), StringComparison.Ordinal);
        Assert.StartsWith("签名校验失败", Description("/api/integration/tickets", "post", "401"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
