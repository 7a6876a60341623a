namespace SunshineBot.WeChat.Api;

/// <summary>WeChat's global return codes (全局返回码) that change what a caller does.</summary>
public static class WeChatErrorCodes
{
    /// <summary>-1: system busy, try again later.</summary>
    public const int SystemBusy = -1;

    /// <summary>40001: invalid credential (the access token is not valid any more, or the AppSecret is wrong).</summary>
    public const int InvalidCredential = 40001;

    /// <summary>40014: invalid access_token.</summary>
    public const int InvalidAccessToken = 40014;

    /// <summary>42001: access_token expired.</summary>
    public const int AccessTokenExpired = 42001;

    /// <summary>45009: daily API quota reached.</summary>
    public const int ApiQuotaReached = 45009;

    /// <summary>45011: API minute quota reached.</summary>
    public const int ApiMinuteQuotaReached = 45011;

    /// <summary>45015: response out of time limit — outside the 48-hour customer-service window.</summary>
    public const int OutsideServiceWindow = 45015;

    /// <summary>45047: too many customer-service messages without a user action in between.</summary>
    public const int ResponseCountLimit = 45047;

    /// <summary>True for the codes that mean "fetch a new access token and try once more".</summary>
    public static bool IsTokenRejected(int code) => code is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    /// <summary>
    /// Classifies an <c>errcode</c>. Busy and quota codes are transient; everything else — bad OpenID,
    /// unfollowed user, closed window, bad template, bad configuration — cannot succeed by retrying the
    /// same call, and an outbox must not retry it forever.
    /// </summary>
    public static WeChatFailureKind Classify(int code) => code switch
    {
        SystemBusy or ApiQuotaReached or ApiMinuteQuotaReached or ResponseCountLimit => WeChatFailureKind.Transient,
        _ when IsTokenRejected(code) => WeChatFailureKind.Transient,
        _ => WeChatFailureKind.Permanent,
    };

    /// <summary>Classifies an HTTP status that came without a WeChat errcode.</summary>
    public static WeChatFailureKind ClassifyHttp(int status) =>
        status is >= 500 or 408 or 429 ? WeChatFailureKind.Transient : WeChatFailureKind.Permanent;
}
