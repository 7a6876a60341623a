using SunshineBot.WeChat.Messages;

namespace SunshineBot.WeChat.Inbound;

/// <summary>The query-string parameters WeChat puts on webhook requests.</summary>
/// <param name="Signature"><c>signature</c>: over token, timestamp and nonce.</param>
/// <param name="Timestamp"><c>timestamp</c>: Unix seconds.</param>
/// <param name="Nonce"><c>nonce</c>.</param>
/// <param name="EchoStr"><c>echostr</c>: only on URL verification (GET).</param>
/// <param name="EncryptType"><c>encrypt_type</c>: <c>aes</c> when the body is encrypted, absent or <c>raw</c> otherwise.</param>
/// <param name="MsgSignature"><c>msg_signature</c>: over token, timestamp, nonce and the ciphertext.</param>
public sealed record WeChatRequestQuery(
    string? Signature,
    string? Timestamp,
    string? Nonce,
    string? EchoStr = null,
    string? EncryptType = null,
    string? MsgSignature = null)
{
    /// <summary>True when WeChat says the body is encrypted.</summary>
    public bool IsEncrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why an inbound request was refused. The endpoint maps these to 403 or 400.</summary>
public enum WeChatInboundFailure
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The signature (or msg_signature) is missing or wrong: 403.</summary>
    BadSignature,

    /// <summary>The timestamp is missing or outside the window (a replay): 403.</summary>
    StaleTimestamp,

    /// <summary>Safe mode received a plaintext request: 403.</summary>
    EncryptionRequired,

    /// <summary>The signature checked but the ciphertext did not decrypt for this account: 400.</summary>
    DecryptionFailed,

    /// <summary>The ciphertext decrypted but was made for another AppId (another account, or a wrong configuration): 400.</summary>
    AppIdMismatch,

    /// <summary>The XML is malformed, truncated, too large or hostile: 400.</summary>
    MalformedXml,
}

/// <summary>The outcome of opening a webhook POST.</summary>
/// <param name="Failure">Why it was refused, or <see cref="WeChatInboundFailure.None"/>.</param>
/// <param name="Message">The parsed message when accepted.</param>
/// <param name="WasEncrypted">True when the request was encrypted, so the reply must be too.</param>
/// <param name="Nonce">The request's nonce, echoed in an encrypted reply.</param>
public sealed record WeChatInboundResult(WeChatInboundFailure Failure, WeChatInboundMessage? Message, bool WasEncrypted, string? Nonce)
{
    /// <summary>True when the message was accepted.</summary>
    public bool Succeeded => Failure == WeChatInboundFailure.None && Message is not null;

    internal static WeChatInboundResult Refused(WeChatInboundFailure failure) => new(failure, null, false, null);
}
