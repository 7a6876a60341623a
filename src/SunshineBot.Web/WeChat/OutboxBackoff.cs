namespace SunshineBot.Web.WeChat;

/// <summary>
/// The retry schedule of an outbox row: exponential with "equal jitter" (half fixed, half random), capped.
/// Polly's retry strategy keeps its schedule in memory around one call; an outbox retry must survive the process,
/// so the next attempt time is computed here and stored on the row (<c>NextAttemptAt</c>).
/// </summary>
public static class OutboxBackoff
{
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var jitter = (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromMilliseconds((ceiling / 2) + (ceiling / 2 * jitter));
    }
}
