using SunshineBot.WeChat.Inbound;

namespace SunshineBot.Web.WeChat;

/// <summary>Why the webhook refused a request.</summary>
public enum WeChatRefusal
{
    BadSignature,
    StaleTimestamp,
    EncryptionRequired,
    DecryptionFailed,
    AppIdMismatch,
    MalformedXml,
    TooLarge,
}

/// <summary>
/// One warning per refused webhook request, saying why, so operators can tell a wrong token or AppId, a server clock
/// that drifted or a scanner from one another. It never carries the query's signatures, the token, keys or the body.
/// A flood of refusals (a scanner, a misconfigured account retrying) is rate-limited: per reason, one warning per
/// <see cref="Window"/>, and the next one says how many were left out.
/// </summary>
public sealed class WeChatRefusalLog(ILogger<WeChatRefusalLog> logger, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<WeChatRefusal, (DateTimeOffset LoggedAt, int Skipped)> _last = [];

    public static WeChatRefusal Of(WeChatInboundFailure failure) => failure switch
    {
        WeChatInboundFailure.BadSignature => WeChatRefusal.BadSignature,
        WeChatInboundFailure.StaleTimestamp => WeChatRefusal.StaleTimestamp,
        WeChatInboundFailure.EncryptionRequired => WeChatRefusal.EncryptionRequired,
        WeChatInboundFailure.DecryptionFailed => WeChatRefusal.DecryptionFailed,
        WeChatInboundFailure.AppIdMismatch => WeChatRefusal.AppIdMismatch,
        _ => WeChatRefusal.MalformedXml,
    };

    /// <summary>Records one refused request answered with <paramref name="status"/>.</summary>
    public void Refused(WeChatRefusal reason, string method, int status)
    {
        var now = clock.GetUtcNow();
        int skipped;
        lock (_gate)
        {
            if (_last.TryGetValue(reason, out var last) && now - last.LoggedAt < Window)
            {
                _last[reason] = last with { Skipped = last.Skipped + 1 };
                return;
            }

            skipped = last.Skipped;
            _last[reason] = (now, 0);
        }

        logger.LogWarning(
            "WeChat webhook refused a {Method} request with {Status}: {Reason} ({Why}); {Skipped} more refusal(s) for this reason were not logged in the last minute",
            method, status, reason, Why(reason), skipped);
    }

    private static string Why(WeChatRefusal reason) => reason switch
    {
        WeChatRefusal.BadSignature => "the signature is missing or does not match WeChat:Token",
        WeChatRefusal.StaleTimestamp => "the timestamp is missing or outside WeChat:TimestampWindowSeconds: a replay, or this server's clock is off",
        WeChatRefusal.EncryptionRequired => "a plaintext request while WeChat:Mode is Safe",
        WeChatRefusal.DecryptionFailed => "the signed ciphertext does not decrypt: check WeChat:EncodingAESKey",
        WeChatRefusal.AppIdMismatch => "the ciphertext was made for another AppId: check WeChat:AppId",
        WeChatRefusal.MalformedXml => "the XML is malformed, truncated or not a WeChat message",
        _ => "the body is larger than WeChat:MaxBodyBytes",
    };
}
