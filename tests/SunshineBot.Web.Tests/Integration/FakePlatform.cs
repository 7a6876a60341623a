using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SunshineBot.Web.Integration;

namespace SunshineBot.Web.Tests.Integration;

/// <summary>One event the fake platform received, with whether its signature checked out.</summary>
internal sealed record ReceivedEvent(string Body, string? Name, string? EventId, bool SignatureValid, int AnsweredWith);

/// <summary>A 12345-style platform on loopback (Kestrel, random port) that receives our events and can be told to fail.</summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePlatform(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public required string Secret { get; init; }

    /// <summary>Status codes for the next requests, one each, before answering 200.</summary>
    public ConcurrentQueue<int> Script { get; } = new();

    /// <summary>Answer 500 to the first this many deliveries of each event id.</summary>
    public int FailFirstPerEvent { get; set; }

    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>Answer this to everything (after the script) while set.</summary>
    public int? Always { get; set; }

    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    public static async Task<FakePlatform> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app) { Secret = secret };
        app.MapPost("/events", platform.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        platform.Url = new Uri(new Uri(address), "/events");
        return platform;
    }

    public async Task<IReadOnlyList<ReceivedEvent>> WaitForAsync(Func<IReadOnlyList<ReceivedEvent>, bool> done)
    {
        for (var i = 0; i < 1200; i++)
        {
            var now = Received.ToArray();
            if (done(now))
            {
                return now;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The fake platform did not receive what was expected: " + string.Join(" | ", Received.Select(r => $"{r.AnsweredWith} {r.Body}")));
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers[IntegrationSignature.TimestampHeader].ToString();
        var valid = IntegrationSignature.IsFresh(timestamp, DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)))
            && IntegrationSignature.Verify(Secret, timestamp, body, request.Headers[IntegrationSignature.SignatureHeader].ToString());
        var eventId = request.Headers[IntegrationSignature.EventIdHeader].ToString();
        var seen = _seen.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        var status = seen <= FailFirstPerEvent ? 500 : Script.TryDequeue(out var scripted) ? scripted : Always ?? 200;
        Received.Enqueue(new ReceivedEvent(
            System.Text.Encoding.UTF8.GetString(body), request.Headers[IntegrationSignature.NameHeader], request.Headers[IntegrationSignature.EventIdHeader], valid, status));
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
