using SunshineBot.Testing;
using SunshineBot.WeChat.Api;

namespace SunshineBot.WeChat.Tests.Api;

/// <summary>Starts a fake WeChat server per test and builds clients pointed at it.</summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    private readonly List<HttpClient> _httpClients = [];

    internal FakeWeChatServer Server { get; private protected set; } = null!;

    protected TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_763_780_000));

    public async Task InitializeAsync() => Server = await FakeWeChatServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }

        await Server.DisposeAsync();
    }

    protected WeChatApiClient Client(WeChatAccessTokenCache? cache = null, int timeoutSeconds = 5, string? baseUrl = null)
    {
        var http = new HttpClient();
        _httpClients.Add(http);
        var options = new WeChatOptions
        {
            AppId = FakeWeChatServer.AppId,
            AppSecret = FakeWeChatServer.AppSecret,
            ApiBaseUrl = baseUrl ?? Server.BaseUrl.ToString(),
            ApiTimeoutSeconds = timeoutSeconds,
        };
        return new WeChatApiClient(http, options, cache ?? new WeChatAccessTokenCache(Clock), Clock);
    }
}
