using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SunshineBot.WeChat.Api;

/// <summary>
/// The outbound WeChat API over an <see cref="HttpClient"/>: every call gets a cached access token, and a
/// rejected token (40001/42001/40014) is refreshed once and the call retried once. Failures surface as
/// <see cref="WeChatApiException"/> classified transient or permanent. Usable as a typed HttpClient; the
/// <see cref="WeChatAccessTokenCache"/> must be a singleton.
/// </summary>
public sealed partial class WeChatApiClient
{
    /// <summary>The largest response body read (media downloads included): 16 MB.</summary>
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        // WeChat has refused \uXXXX escapes (40033) on some APIs: send Chinese as UTF-8.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HttpClient _http;
    private readonly WeChatOptions _options;
    private readonly WeChatAccessTokenCache _tokens;
    private readonly TimeProvider _time;
    private readonly Uri _baseUri;

    /// <summary>Creates the client.</summary>
    /// <exception cref="InvalidOperationException">AppId, AppSecret or ApiBaseUrl are missing or invalid.</exception>
    public WeChatApiClient(HttpClient http, WeChatOptions options, WeChatAccessTokenCache tokens, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(options.AppId) || string.IsNullOrWhiteSpace(options.AppSecret))
        {
            throw new InvalidOperationException("WeChat:AppId and WeChat:AppSecret are required to call the API.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            throw new InvalidOperationException("WeChat:ApiBaseUrl must be an absolute URL.");
        }

        _http = http;
        _options = options;
        _tokens = tokens;
        _time = time;
        _baseUri = baseUri;
    }

    private string AppId => _options.AppId!;

    /// <summary>A usable access token, from the cache when it is fresh.</summary>
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        _tokens.GetAsync(AppId, FetchTokenAsync, cancellationToken);

    private async Task<WeChatAccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        const string api = "/cgi-bin/token";
        var uri = Api(api, $"grant_type=client_credential&appid={Uri.EscapeDataString(AppId)}&secret={Uri.EscapeDataString(_options.AppSecret!)}");
        var response = await SendAsync(api, () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        using var json = ReadJson(api, response);
        var root = json.RootElement;
        if (!root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("expires_in", out var expires) || !expires.TryGetInt32(out var seconds) || seconds <= 0)
        {
            throw new WeChatApiException(api, null, "The token response had no access_token/expires_in.", WeChatFailureKind.Transient);
        }

        var now = _time.GetUtcNow();
        return new WeChatAccessToken(token.GetString()!, now, now.AddSeconds(seconds));
    }

    /// <summary>Calls an API that needs the access token; on a rejected token refreshes once and retries once.</summary>
    private async Task<T> WithTokenAsync<T>(
        string api, Func<Uri, HttpRequestMessage> build, Func<RawResponse, T> interpret, CancellationToken cancellationToken, string? extraQuery = null)
    {
        var token = await GetAccessTokenAsync(cancellationToken);
        try
        {
            return interpret(await SendAsync(api, () => build(TokenUri(api, token, extraQuery)), cancellationToken));
        }
        catch (WeChatApiException ex) when (ex.ErrorCode is { } code && WeChatErrorCodes.IsTokenRejected(code))
        {
            token = await _tokens.RefreshAsync(AppId, token, FetchTokenAsync, cancellationToken);
            return interpret(await SendAsync(api, () => build(TokenUri(api, token, extraQuery)), cancellationToken));
        }
    }

    private Task<JsonDocument> PostJsonAsync(string api, string body, CancellationToken cancellationToken) =>
        WithTokenAsync(
            api,
            uri => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") },
            response => ReadJson(api, response),
            cancellationToken);

    private Uri TokenUri(string api, string token, string? extraQuery = null) =>
        Api(api, "access_token=" + Uri.EscapeDataString(token) + (extraQuery is null ? "" : "&" + extraQuery));

    private Uri Api(string path, string query) => new(_baseUri, path.TrimStart('/') + "?" + query);

    /// <summary>Sends one request with the configured time limit and reads the body, mapping transport failures.</summary>
    private async Task<RawResponse> SendAsync(string api, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ApiTimeoutSeconds));
        try
        {
            using var request = build();
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new WeChatApiException(api, null, response.ReasonPhrase, WeChatErrorCodes.ClassifyHttp(status), status);
            }

            var body = await ReadLimitedAsync(api, response.Content, timeout.Token);
            return new RawResponse(body, response.Content.Headers.ContentType, response.Content.Headers.ContentDisposition);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WeChatApiException(api, null, "Timed out.", WeChatFailureKind.Transient, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WeChatApiException(api, null, ex.Message, WeChatFailureKind.Transient, null, ex);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(string api, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new WeChatApiException(api, null, "The response is too large.", WeChatFailureKind.Permanent);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new WeChatApiException(api, null, "The response is too large.", WeChatFailureKind.Permanent);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a JSON answer and throws when it carries a non-zero errcode.</summary>
    private static JsonDocument ReadJson(string api, RawResponse response)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(response.Body);
        }
        catch (JsonException ex)
        {
            // Most likely a proxy's error page in place of WeChat's answer.
            throw new WeChatApiException(api, null, "The response is not JSON.", WeChatFailureKind.Transient, null, ex);
        }

        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errcode", out var code)
            && code.TryGetInt32(out var errcode) && errcode != 0)
        {
            var message = root.TryGetProperty("errmsg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            json.Dispose();
            throw new WeChatApiException(api, errcode, message, WeChatErrorCodes.Classify(errcode));
        }

        return json;
    }

    private static string Serialize(System.Text.Json.Nodes.JsonNode node) => node.ToJsonString(Json);

    private sealed record RawResponse(byte[] Body, MediaTypeHeaderValue? ContentType, ContentDispositionHeaderValue? ContentDisposition);
}
