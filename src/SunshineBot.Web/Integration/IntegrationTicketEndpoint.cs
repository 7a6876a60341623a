using System.Text.Json;
using SunshineBot.Web.Staff.Api;

namespace SunshineBot.Web.Integration;

/// <summary>
/// <c>POST /api/integration/tickets</c>: a ticket from another platform, signed with its shared secret. Answers
/// <c>{"number": "..."}</c>: 201 when filed now, 200 when that platform's number was filed before.
/// </summary>
public static class IntegrationTicketEndpoint
{
    public sealed record NumberAnswer(string Number);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapIntegrationTickets(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/integration/tickets", ReceiveAsync)
            .WithTags("Integration")
            .DisableAntiforgery()
            .Accepts<IntegrationTicketBody>("application/json")
            .Produces<NumberAnswer>(200)
            .Produces<NumberAnswer>(201)
            .WithProblems(_ => StaffOpenApi.Integration);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IntegrationPlatforms platforms, IntegrationDeliveryOptions options, ReceiveIntegrationTicket receive, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return TooLarge(options);
        }

        var body = await ReadAsync(request.Body, options.MaxBodyBytes, ct);
        if (body is null)
        {
            return TooLarge(options);
        }

        var name = request.Headers[IntegrationSignature.NameHeader].ToString();
        var timestamp = request.Headers[IntegrationSignature.TimestampHeader].ToString();
        if (platforms.Find(name) is not { } found)
        {
            return Refused("未知的对接平台：请在 X-Sunshine-Integration 中填写已配置的平台名称。");
        }

        if (!IntegrationSignature.IsFresh(timestamp, clock.GetUtcNow()))
        {
            return Refused("X-Sunshine-Timestamp 缺失，或与服务器时间相差超过300秒。");
        }

        if (!IntegrationSignature.Verify(found.Platform.Secret, timestamp, body, request.Headers[IntegrationSignature.SignatureHeader].ToString()))
        {
            return Refused("X-Sunshine-Signature 与请求内容不符。");
        }

        IntegrationTicketBody? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<IntegrationTicketBody>(body, Json);
        }
        catch (JsonException)
        {
            ticket = null;
        }

        if (ticket is null)
        {
            return StaffProblemFilter.Problem(400, "请求格式不正确", "请求体应为 JSON 对象，字段名使用 camelCase，取值为文本。");
        }

        try
        {
            var result = await receive.RunAsync(found.Name, ticket, ct);
            var answer = new NumberAnswer(result.Number);
            return result.Created ? TypedResults.Created($"/api/integration/tickets/{result.Number}", answer) : TypedResults.Ok(answer);
        }
        catch (Exception e) when (StaffProblemFilter.ToProblem(e) is { } problem)
        {
            return problem;
        }
    }

    private static async Task<byte[]?> ReadAsync(Stream stream, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Refused(string detail) => StaffProblemFilter.Problem(401, "签名校验失败", detail);

    private static IResult TooLarge(IntegrationDeliveryOptions options) =>
        StaffProblemFilter.Problem(413, "请求内容过大", $"请求体不能超过{options.MaxBodyBytes / 1024}KB。");
}
