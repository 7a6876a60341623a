using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SunshineBot.Load;

/// <summary>
/// A fake api.weixin.qq.com for the product under load: issues tokens and accepts customer-service and template
/// messages, counting them, so replies deferred to the outbox can be checked to arrive.
/// </summary>
internal sealed class FakeWeChatApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokens;
    private int _sends;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int TokenFetches => Volatile.Read(ref _tokens);

    public int Sends => Volatile.Read(ref _sends);

    /// <summary>Openids that received at least one message through the API, with how many.</summary>
    public ConcurrentDictionary<string, int> SentTo { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeWeChatApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var api = new FakeWeChatApi(builder.Build());
        api._app.MapGet("/cgi-bin/token", () =>
            Results.Text($$"""{"access_token":"bench-token-{{Interlocked.Increment(ref api._tokens)}}","expires_in":7200}""", "application/json"));
        api._app.MapPost("/cgi-bin/message/custom/send", api.CountAsync);
        api._app.MapPost("/cgi-bin/message/template/send", api.CountAsync);
        await api._app.StartAsync();
        api.BaseUrl = api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    private async Task<IResult> CountAsync(HttpRequest request)
    {
        using var doc = await JsonDocument.ParseAsync(request.Body);
        Interlocked.Increment(ref _sends);
        if (doc.RootElement.TryGetProperty("touser", out var to) && to.GetString() is { } openId)
        {
            SentTo.AddOrUpdate(openId, 1, (_, n) => n + 1);
        }

        return Results.Text("""{"errcode":0,"errmsg":"ok","msgid":1}""", "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
