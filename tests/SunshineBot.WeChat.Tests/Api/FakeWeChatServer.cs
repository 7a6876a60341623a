using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SunshineBot.WeChat.Tests.Api;

/// <summary>One request the fake server saw.</summary>
internal sealed record RecordedRequest(string Path, string AccessToken, string Body, bool Accepted);

/// <summary>A file the fake accepted through <c>/cgi-bin/media/upload</c>, and the media id it answered.</summary>
internal sealed record UploadedMedia(string MediaId, string FileName, string ContentType, byte[] Content);

/// <summary>
/// A small fake of api.weixin.qq.com on loopback (Kestrel, random port). It issues numbered tokens, honours
/// only the newest one (as WeChat retires old tokens), records every call, and can be told to fail.
/// </summary>
internal sealed class FakeWeChatServer : IAsyncDisposable
{
    public const string AppId = "wxfake0000000001";
    public const string AppSecret = "fake-secret";

    private readonly WebApplication _app;
    private int _tokenFetches;
    private volatile string? _validToken;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scriptedByPath = new(StringComparer.Ordinal);

    private FakeWeChatServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int TokenFetches => Volatile.Read(ref _tokenFetches);

    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Makes token fetches slow, to widen the window in which concurrent callers could race.</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>Makes every API call (not the token) this slow.</summary>
    public TimeSpan CallDelay { get; set; }

    public int? ForcedHttpStatus { get; set; }

    /// <summary>errcodes the next API calls answer with, one per call, before behaving normally.</summary>
    public ConcurrentQueue<int> ScriptedErrors { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Images accepted as temporary media, in order.</summary>
    public ConcurrentQueue<UploadedMedia> Uploads { get; } = new();

    /// <summary>
    /// errcodes for the next calls to one API path, one per call (0 = answer normally), checked before
    /// <see cref="ScriptedErrors"/>: e.g. let the caption through and refuse the picture that follows.
    /// </summary>
    public void ScriptErrorsOn(string path, params int[] codes)
    {
        var queue = _scriptedByPath.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var code in codes)
        {
            queue.Enqueue(code);
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    /// <summary>WeChat stops accepting the current token (it expired or was replaced elsewhere).</summary>
    public void RevokeToken() => _validToken = null;

    public static async Task<FakeWeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeWeChatServer(builder.Build());
        server.Map();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.MapGet("/cgi-bin/token", IssueTokenAsync);
        _app.MapPost("/cgi-bin/message/custom/send", ctx => HandleAsync(ctx, """{"errcode":0,"errmsg":"ok"}"""));
        _app.MapPost("/cgi-bin/message/template/send", ctx => HandleAsync(ctx, """{"errcode":0,"errmsg":"ok","msgid":200228332}"""));
        _app.MapPost("/cgi-bin/message/subscribe/bizsend", ctx => HandleAsync(ctx, """{"errcode":0,"errmsg":"ok"}"""));
        _app.MapPost("/cgi-bin/menu/create", ctx => HandleAsync(ctx, """{"errcode":0,"errmsg":"ok"}"""));
        _app.MapPost("/cgi-bin/media/upload", ctx => HandleAsync(ctx, null, UploadAnswer));
        _app.MapGet("/cgi-bin/media/get", ctx => HandleAsync(ctx, null, MediaAnswer));
    }

    private async Task IssueTokenAsync(HttpContext ctx)
    {
        if (ctx.Request.Query["appid"] != AppId || ctx.Request.Query["secret"] != AppSecret || ctx.Request.Query["grant_type"] != "client_credential")
        {
            await WriteJsonAsync(ctx, """{"errcode":40125,"errmsg":"invalid appsecret"}""");
            return;
        }

        await Task.Delay(TokenDelay);
        var token = $"token-{Interlocked.Increment(ref _tokenFetches)}";
        _validToken = token;
        await WriteJsonAsync(ctx, $$"""{"access_token":"{{token}}","expires_in":{{TokenLifetimeSeconds}}}""");
    }

    private async Task HandleAsync(HttpContext ctx, string? fixedAnswer, Func<HttpContext, Task<string?>>? answer = null)
    {
        ctx.Request.EnableBuffering();
        var body = await new StreamReader(ctx.Request.Body, Encoding.UTF8).ReadToEndAsync();
        ctx.Request.Body.Position = 0;
        var token = ctx.Request.Query["access_token"].ToString();
        if (CallDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(CallDelay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (ForcedHttpStatus is { } status)
        {
            Requests.Enqueue(new RecordedRequest(ctx.Request.Path, token, body, false));
            ctx.Response.StatusCode = status;
            return;
        }

        var valid = _validToken;
        string? error = null;
        if (token != valid)
        {
            error = valid is null ? """{"errcode":42001,"errmsg":"access_token expired"}""" : """{"errcode":40001,"errmsg":"invalid credential"}""";
        }
        else if (_scriptedByPath.TryGetValue(ctx.Request.Path, out var forPath) && forPath.TryDequeue(out var pathCode))
        {
            error = pathCode == 0 ? null : $$"""{"errcode":{{pathCode}},"errmsg":"scripted {{pathCode}}"}""";
        }
        else if (ScriptedErrors.TryDequeue(out var code))
        {
            error = $$"""{"errcode":{{code}},"errmsg":"scripted {{code}}"}""";
        }

        Requests.Enqueue(new RecordedRequest(ctx.Request.Path, token, body, error is null));
        if (error is not null)
        {
            await WriteJsonAsync(ctx, error);
            return;
        }

        if ((answer is null ? fixedAnswer : await answer(ctx)) is { } json)
        {
            await WriteJsonAsync(ctx, json);
        }
    }

    /// <summary>As WeChat's uploadTempMedia: type=image, a form file "media" of PNG/JPEG/GIF up to 2 MB.</summary>
    private async Task<string?> UploadAnswer(HttpContext ctx)
    {
        var form = await ctx.Request.ReadFormAsync();
        var file = form.Files["media"];
        if (ctx.Request.Query["type"] != "image" || file is null)
        {
            return """{"errcode":40004,"errmsg":"invalid media type"}""";
        }

        if (file.ContentType is not ("image/png" or "image/jpeg" or "image/gif"))
        {
            return """{"errcode":40005,"errmsg":"invalid file type"}""";
        }

        if (file.Length > 2 * 1024 * 1024)
        {
            return """{"errcode":40009,"errmsg":"invalid image size"}""";
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var mediaId = $"uploaded-{file.Length}-{file.ContentType}";
        Uploads.Enqueue(new UploadedMedia(mediaId, file.FileName, file.ContentType, content.ToArray()));
        return $$"""{"type":"image","media_id":"{{mediaId}}","created_at":1763780000}""";
    }

    private static async Task<string?> MediaAnswer(HttpContext ctx)
    {
        if (ctx.Request.Query["media_id"] != "media-1")
        {
            // WeChat answers media errors as JSON labelled text/plain.
            ctx.Response.ContentType = "text/plain";
            await ctx.Response.WriteAsync("""{"errcode":40007,"errmsg":"invalid media_id"}""");
            return null;
        }

        ctx.Response.ContentType = "image/jpeg";
        ctx.Response.Headers.ContentDisposition = "attachment; filename=\"receipt.jpg\"";
        await ctx.Response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 });
        return null;
    }

    private static Task WriteJsonAsync(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(json);
    }
}
