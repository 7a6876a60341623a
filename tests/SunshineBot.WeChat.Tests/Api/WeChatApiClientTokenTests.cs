using SunshineBot.WeChat.Api;

namespace SunshineBot.WeChat.Tests.Api;

public sealed class WeChatApiClientTokenTests : ApiTestBase
{
    private const string Send = "/cgi-bin/message/custom/send";

    [Fact]
    public async Task SendCustomText_SeveralCalls_FetchTheTokenOnce()
    {
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SendCustomTextAsync("o_parent", $"m{i}");
        }

        Assert.Equal(1, Server.TokenFetches);
        Assert.All(Server.RequestsTo(Send), r => Assert.Equal("token-1", r.AccessToken));
    }

    [Fact]
    public async Task GetAccessToken_WithinFiveMinutesOfExpiry_FetchesAFreshOne()
    {
        var client = Client();
        Assert.Equal("token-1", await client.GetAccessTokenAsync());
        Clock.Advance(TimeSpan.FromSeconds(7200 - 301));
        Assert.Equal("token-1", await client.GetAccessTokenAsync());
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await client.GetAccessTokenAsync());
    }

    [Fact]
    public async Task SendCustomText_TokenExpiredMidRunUnderParallelSends_FetchesExactlyOnce()
    {
        var cache = new WeChatAccessTokenCache(Clock);
        await Client(cache).SendCustomTextAsync("o_parent", "before");
        Clock.Advance(TimeSpan.FromHours(2));
        Server.TokenDelay = TimeSpan.FromMilliseconds(200);

        // Separate client instances sharing the singleton cache, as typed HttpClients would.
        var sends = Enumerable.Range(0, 40).Select(i => Client(cache).SendCustomTextAsync("o_parent", $"m{i}"));
        await Task.WhenAll(sends);

        Assert.Equal(2, Server.TokenFetches);
        Assert.Equal(41, Server.RequestsTo(Send).Count(r => r.Accepted));
    }

    [Fact]
    public async Task SendCustomText_TokenRejected_RefreshesOnceAndRetriesOnce()
    {
        var client = Client();
        await client.SendCustomTextAsync("o_parent", "first");
        Server.RevokeToken();

        await client.SendCustomTextAsync("o_parent", "second");

        Assert.Equal(2, Server.TokenFetches);
        var attempts = Server.RequestsTo(Send);
        Assert.Equal(3, attempts.Count);
        Assert.Equal(("token-1", false), (attempts[1].AccessToken, attempts[1].Accepted));
        Assert.Equal(("token-2", true), (attempts[2].AccessToken, attempts[2].Accepted));
        Assert.Contains("second", attempts[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCustomText_TokenRejectedUnderParallelSends_RefreshesExactlyOnce()
    {
        var cache = new WeChatAccessTokenCache(Clock);
        await Client(cache).SendCustomTextAsync("o_parent", "warm-up");
        Server.RevokeToken();
        Server.TokenDelay = TimeSpan.FromMilliseconds(100);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Client(cache).SendCustomTextAsync("o_parent", $"m{i}")));

        Assert.Equal(2, Server.TokenFetches);
        Assert.Equal(31, Server.RequestsTo(Send).Count(r => r.Accepted));
    }

    [Fact]
    public async Task SendCustomText_TokenRejectedAgainAfterRefresh_GivesUpAfterOneRetry()
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.ScriptedErrors.Enqueue(40001);
        Server.ScriptedErrors.Enqueue(40001);

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_parent", "x"));

        Assert.Equal(40001, ex.ErrorCode);
        Assert.Equal(2, Server.RequestsTo(Send).Count);
        Assert.Equal(2, Server.TokenFetches);
    }

    [Fact]
    public async Task GetAccessToken_WrongSecret_IsPermanentWithWeChatsCode()
    {
        var http = new HttpClient();
        var options = new WeChatOptions { AppId = FakeWeChatServer.AppId, AppSecret = "wrong", ApiBaseUrl = Server.BaseUrl.ToString() };
        var client = new WeChatApiClient(http, options, new WeChatAccessTokenCache(Clock), Clock);

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => client.GetAccessTokenAsync());

        Assert.Equal((40125, WeChatFailureKind.Permanent), (ex.ErrorCode, ex.Kind));
        http.Dispose();
    }

    [Fact]
    public async Task GetAccessToken_ShortLivedToken_IsRefreshedAtHalfItsLifetime()
    {
        Server.TokenLifetimeSeconds = 60;
        var client = Client();
        await client.GetAccessTokenAsync();
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("token-1", await client.GetAccessTokenAsync());
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await client.GetAccessTokenAsync());
    }
}
