namespace SunshineBot.WeChat.Api;

/// <summary>Whether retrying a failed API call can help.</summary>
public enum WeChatFailureKind
{
    /// <summary>Retry later: system busy (-1), rate limits, 5xx, timeouts, an unreachable server.</summary>
    Transient,

    /// <summary>Retrying the same call cannot succeed: a bad OpenID, an unfollowed user, the 48-hour window closed, bad configuration.</summary>
    Permanent,
}

/// <summary>
/// A failed WeChat API call, with WeChat's <c>errcode</c>/<c>errmsg</c> when it answered, and the verdict an
/// outbox dispatcher needs: <see cref="Kind"/> and <see cref="IsOutsideServiceWindow"/>.
/// </summary>
public sealed class WeChatApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatApiException(string api, int? errorCode, string? errorMessage, WeChatFailureKind kind, int? httpStatus = null, Exception? innerException = null)
        : base(Describe(api, errorCode, errorMessage, httpStatus), innerException)
    {
        Api = api;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Kind = kind;
        HttpStatus = httpStatus;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WeChatApiException()
        : this("unknown", null, null, WeChatFailureKind.Transient)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WeChatApiException(string message)
        : this(message, null, null, WeChatFailureKind.Transient)
    {
    }

    /// <summary>Creates the exception around a cause.</summary>
    public WeChatApiException(string message, Exception innerException)
        : this(message, null, null, WeChatFailureKind.Transient, null, innerException)
    {
    }

    /// <summary>The API path called, e.g. <c>/cgi-bin/message/custom/send</c>.</summary>
    public string Api { get; }

    /// <summary>WeChat's <c>errcode</c>; null when it never answered with one (network, timeout, HTTP error).</summary>
    public int? ErrorCode { get; }

    /// <summary>WeChat's <c>errmsg</c>, or a description of the transport failure.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Transient (retry with backoff) or permanent (mark failed, show staff).</summary>
    public WeChatFailureKind Kind { get; }

    /// <summary>The HTTP status when the failure was at the HTTP level.</summary>
    public int? HttpStatus { get; }

    /// <summary>True for a transient failure.</summary>
    public bool IsTransient => Kind == WeChatFailureKind.Transient;

    /// <summary>
    /// True for 45015: the user has not written in 48 hours, so customer-service messages are closed.
    /// Permanent for this route; the dispatcher falls back to a template or subscribe message.
    /// </summary>
    public bool IsOutsideServiceWindow => ErrorCode == WeChatErrorCodes.OutsideServiceWindow;

    private static string Describe(string api, int? errorCode, string? errorMessage, int? httpStatus) =>
        errorCode is { } code ? $"WeChat {api} failed: errcode {code} ({errorMessage})."
        : httpStatus is { } status ? $"WeChat {api} failed: HTTP {status}."
        : $"WeChat {api} failed: {errorMessage}";
}
