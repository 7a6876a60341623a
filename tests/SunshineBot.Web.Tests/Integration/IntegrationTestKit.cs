using System.Globalization;
using System.Text;
using SunshineBot.Web.Integration;

namespace SunshineBot.Web.Tests.Integration;

/// <summary>Settings and a signed client for the integration tests.</summary>
internal static class IntegrationTestKit
{
    public const string Platform = "12345";
    public const string Secret = "test-secret-0123456789";

    public static Dictionary<string, string?> Settings(Uri? webhook, int maxAttempts = 5) => new(StringComparer.Ordinal)
    {
        [$"Integrations:{Platform}:Secret"] = Secret,
        [$"Integrations:{Platform}:WebhookUrl"] = webhook?.ToString() ?? "",
        ["IntegrationDelivery:BaseDelay"] = "00:00:00.050",
        ["IntegrationDelivery:MaxDelay"] = "00:00:00.200",
        ["IntegrationDelivery:PollInterval"] = "00:00:00.100",
        ["IntegrationDelivery:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
    };

    public static string Ticket(string externalNumber, string kind = "Complaint", string description = "学校要求购买120元教辅资料。", string? phone = "13812345678") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            externalNumber,
            receivedAt = "2026-12-01T09:30:00+08:00",
            visitorName = "李四",
            visitorPhone = phone,
            kind,
            severity = "Normal",
            school = "YGS-DC-001",
            category = "SupplementaryMaterials",
            description,
        });

    /// <summary>Posts <paramref name="json"/> signed as the platform would (timestamp now, unless given).</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string json, string platform = Platform, string secret = Secret, long? timestamp = null, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var ts = (timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/integration/tickets") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntegrationSignature.NameHeader, platform);
        request.Headers.Add(IntegrationSignature.TimestampHeader, ts);
        request.Headers.Add(IntegrationSignature.SignatureHeader, signature ?? IntegrationSignature.Compute(secret, ts, body));
        return client.SendAsync(request);
    }
}
