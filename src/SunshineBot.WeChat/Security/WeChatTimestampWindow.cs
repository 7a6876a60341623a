using System.Globalization;

namespace SunshineBot.WeChat.Security;

/// <summary>
/// Refuses requests whose <c>timestamp</c> is too far from our clock: a captured, correctly signed request
/// replayed later fails here even though its signature still checks.
/// </summary>
public sealed class WeChatTimestampWindow
{
    private readonly TimeProvider _time;

    /// <summary>Creates a window of <paramref name="seconds"/> either side of the clock's now.</summary>
    public WeChatTimestampWindow(TimeProvider time, int seconds)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        _time = time;
        Seconds = seconds;
    }

    /// <summary>The allowed distance, in seconds, between a request's timestamp and now.</summary>
    public int Seconds { get; }

    /// <summary>True when <paramref name="timestamp"/> is Unix seconds within the window; false when missing or malformed.</summary>
    public bool IsFresh(string? timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        // Compare in the long domain: a huge value must not overflow into the window.
        return seconds >= now - Seconds && seconds <= now + Seconds;
    }

    /// <summary>Now, as WeChat writes timestamps (Unix seconds).</summary>
    public string Now() => WeChatSignature.FormatTimestamp(_time.GetUtcNow());
}
