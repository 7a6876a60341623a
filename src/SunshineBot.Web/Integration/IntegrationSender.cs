using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SunshineBot.Data.Outbox;

namespace SunshineBot.Web.Integration;

/// <summary>
/// Posts one outbox row to its platform's <c>WebhookUrl</c>, signed like inbound requests. Each attempt signs with
/// its own timestamp (a retry an hour later must not look stale); the body and the event id never change.
/// </summary>
public sealed class IntegrationSender(HttpClient http, IntegrationPlatforms platforms, IntegrationDeliveryOptions options, TimeProvider clock)
{
    public const string ClientName = "integration";

    public async Task SendAsync(OutboxMessage row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (platforms.Find(row.Recipient) is not { } found || found.Platform.WebhookUrl.Length == 0)
        {
            throw new IntegrationDeliveryException($"Integration '{row.Recipient}' is not configured (or has no WebhookUrl).", permanent: true);
        }

        var body = Encoding.UTF8.GetBytes(row.PayloadJson);
        var eventId = JsonDocument.Parse(row.PayloadJson).RootElement.GetProperty("eventId").GetString() ?? "";
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, found.Platform.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IntegrationSignature.NameHeader, found.Name);
        request.Headers.Add(IntegrationSignature.TimestampHeader, timestamp);
        request.Headers.Add(IntegrationSignature.SignatureHeader, IntegrationSignature.Compute(found.Platform.Secret, timestamp, body));
        request.Headers.Add(IntegrationSignature.EventIdHeader, eventId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new IntegrationDeliveryException($"No answer within {options.RequestTimeout.TotalSeconds:0} s.", permanent: false);
        }
        catch (HttpRequestException e)
        {
            throw new IntegrationDeliveryException($"Transport: {e.Message}", permanent: false);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                // A 4xx other than "try later" will not change by itself: an admin fixes the cause and replays.
                var permanent = code is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict);
                throw new IntegrationDeliveryException($"HTTP {code} {response.ReasonPhrase}", permanent);
            }
        }
    }
}

public sealed class IntegrationDeliveryException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}
