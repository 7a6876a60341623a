using SunshineBot.Testing;
using SunshineBot.WeChat.Api;

namespace SunshineBot.WeChat.Tests.Api;

public sealed class WeChatAccessTokenCacheTests
{
    private readonly TestClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_763_780_000));
    private int _fetches;

    private Task<WeChatAccessToken> Fetch(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _fetches);
        var now = _clock.GetUtcNow();
        return Task.FromResult(new WeChatAccessToken($"t{n}", now, now.AddHours(2)));
    }

    [Fact]
    public async Task GetAsync_TwoInstancesSharingStoreAndLock_FetchOnce()
    {
        // Stands in for two web instances sharing a PostgreSQL-backed store and advisory lock.
        var store = new InMemoryAccessTokenStore();
        var gate = new LocalAccessTokenLock();
        var a = new WeChatAccessTokenCache(_clock, store, gate);
        var b = new WeChatAccessTokenCache(_clock, store, gate);

        Assert.Equal("t1", await a.GetAsync("wx1", Fetch, default));
        Assert.Equal("t1", await b.GetAsync("wx1", Fetch, default));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetAsync_SeparateStores_FetchSeparately()
    {
        await new WeChatAccessTokenCache(_clock).GetAsync("wx1", Fetch, default);
        await new WeChatAccessTokenCache(_clock).GetAsync("wx1", Fetch, default);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task RefreshAsync_TokenAlreadyReplacedByAnotherCaller_ReturnsTheReplacement()
    {
        var cache = new WeChatAccessTokenCache(_clock);
        var first = await cache.GetAsync("wx1", Fetch, default);
        var second = await cache.RefreshAsync("wx1", first, Fetch, default);
        var third = await cache.RefreshAsync("wx1", first, Fetch, default);
        Assert.Equal(("t1", "t2", "t2"), (first, second, third));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetAsync_FetchFails_NothingIsCachedAndTheLockIsReleased()
    {
        var cache = new WeChatAccessTokenCache(_clock);
        await Assert.ThrowsAsync<WeChatApiException>(() => cache.GetAsync(
            "wx1", _ => throw new WeChatApiException("/cgi-bin/token", -1, "busy", WeChatFailureKind.Transient), default));
        Assert.Equal("t1", await cache.GetAsync("wx1", Fetch, default).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task GetAsync_DifferentAppIds_HaveDifferentTokens()
    {
        var cache = new WeChatAccessTokenCache(_clock);
        Assert.NotEqual(await cache.GetAsync("wx1", Fetch, default), await cache.GetAsync("wx2", Fetch, default));
    }
}
