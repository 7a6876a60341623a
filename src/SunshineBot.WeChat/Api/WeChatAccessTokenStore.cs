using System.Collections.Concurrent;

namespace SunshineBot.WeChat.Api;

/// <summary>An access token and when it stops working.</summary>
/// <param name="Value">The token.</param>
/// <param name="FetchedAt">When we got it.</param>
/// <param name="ExpiresAt">When WeChat stops accepting it (FetchedAt + expires_in).</param>
public sealed record WeChatAccessToken(string Value, DateTimeOffset FetchedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Where the current access token lives. In memory by default; the host can keep it in PostgreSQL so that
/// all instances share one token: each fetch from <c>/cgi-bin/token</c> retires the previous token within
/// minutes, so instances that fetched their own would keep invalidating each other.
/// </summary>
public interface IAccessTokenStore
{
    /// <summary>The stored token for an AppId, or null.</summary>
    ValueTask<WeChatAccessToken?> GetAsync(string appId, CancellationToken cancellationToken);

    /// <summary>Stores a freshly fetched token.</summary>
    ValueTask SetAsync(string appId, WeChatAccessToken token, CancellationToken cancellationToken);
}

/// <summary>
/// Serialises token refreshes so that only one caller fetches at a time. In-process by default; the host
/// can implement it with a PostgreSQL advisory lock to serialise across instances.
/// </summary>
public interface IAccessTokenLock
{
    /// <summary>Waits for the refresh lock of an AppId; dispose the result to release it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string appId, CancellationToken cancellationToken);
}

/// <summary>The default store: one process's memory.</summary>
public sealed class InMemoryAccessTokenStore : IAccessTokenStore
{
    private readonly ConcurrentDictionary<string, WeChatAccessToken> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<WeChatAccessToken?> GetAsync(string appId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(appId, out var token) ? token : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string appId, WeChatAccessToken token, CancellationToken cancellationToken)
    {
        _tokens[appId] = token;
        return ValueTask.CompletedTask;
    }
}

/// <summary>The default lock: a <see cref="SemaphoreSlim"/> per AppId in this process.</summary>
public sealed class LocalAccessTokenLock : IAccessTokenLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireAsync(string appId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(appId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
