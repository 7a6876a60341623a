namespace SunshineBot.WeChat.Api;

/// <summary>
/// Keeps the access token until shortly before it expires and makes sure that, however many callers find
/// it stale or rejected at once, exactly one of them fetches a new one. Register it as a singleton.
/// </summary>
public sealed class WeChatAccessTokenCache
{
    private readonly IAccessTokenStore _store;
    private readonly IAccessTokenLock _lock;
    private readonly TimeProvider _time;

    /// <summary>Creates the cache over a store and a lock (in-memory and in-process when null).</summary>
    public WeChatAccessTokenCache(TimeProvider time, IAccessTokenStore? store = null, IAccessTokenLock? tokenLock = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _store = store ?? new InMemoryAccessTokenStore();
        _lock = tokenLock ?? new LocalAccessTokenLock();
    }

    /// <summary>How long before expiry a token is replaced (capped at half its lifetime). Default 5 minutes.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns a usable token, fetching one (once, under the lock) when none is.</summary>
    public async Task<string> GetAsync(string appId, Func<CancellationToken, Task<WeChatAccessToken>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (await _store.GetAsync(appId, cancellationToken) is { } cached && IsUsable(cached))
        {
            return cached.Value;
        }

        await using var held = await _lock.AcquireAsync(appId, cancellationToken);
        // Whoever held the lock before us may have refreshed already.
        if (await _store.GetAsync(appId, cancellationToken) is { } current && IsUsable(current))
        {
            return current.Value;
        }

        return await FetchAndStoreAsync(appId, fetch, cancellationToken);
    }

    /// <summary>
    /// Called when WeChat rejected <paramref name="rejectedToken"/> (40001/42001/40014): fetches a new token
    /// unless another caller already replaced that one, in which case the replacement is returned.
    /// </summary>
    public async Task<string> RefreshAsync(string appId, string rejectedToken, Func<CancellationToken, Task<WeChatAccessToken>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        await using var held = await _lock.AcquireAsync(appId, cancellationToken);
        if (await _store.GetAsync(appId, cancellationToken) is { } current
            && !string.Equals(current.Value, rejectedToken, StringComparison.Ordinal)
            && IsUsable(current))
        {
            return current.Value;
        }

        return await FetchAndStoreAsync(appId, fetch, cancellationToken);
    }

    private async Task<string> FetchAndStoreAsync(string appId, Func<CancellationToken, Task<WeChatAccessToken>> fetch, CancellationToken cancellationToken)
    {
        var fresh = await fetch(cancellationToken);
        await _store.SetAsync(appId, fresh, cancellationToken);
        return fresh.Value;
    }

    private bool IsUsable(WeChatAccessToken token)
    {
        var lifetime = token.ExpiresAt - token.FetchedAt;
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        return _time.GetUtcNow() < token.ExpiresAt - margin;
    }
}
