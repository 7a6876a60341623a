namespace SunshineBot.WeChat;

/// <summary>How WeChat delivers messages to the webhook (the account's 消息加解密方式).</summary>
public enum WeChatMode
{
    /// <summary>明文模式: plaintext bodies, signed with <c>signature</c> only.</summary>
    Plain,

    /// <summary>兼容模式: bodies carry plaintext and ciphertext; the ciphertext is authoritative.</summary>
    Compatible,

    /// <summary>安全模式: ciphertext only; plaintext requests are refused.</summary>
    Safe,
}

/// <summary>Configuration section <c>WeChat</c>: the Official Account's credentials and protocol settings.</summary>
public sealed class WeChatOptions
{
    /// <summary>The default production API host.</summary>
    public const string DefaultApiBaseUrl = "https://api.weixin.qq.com";

    /// <summary>The token typed into the account's server configuration; signs every webhook request.</summary>
    public string? Token { get; set; }

    /// <summary>The 43-character key (消息加解密密钥) for compatible and safe mode.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>The account's AppId; also the trailer of every encrypted message.</summary>
    public string? AppId { get; set; }

    /// <summary>The account's AppSecret, used to fetch access tokens.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Where the API lives; tests and staging point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The message mode chosen in the account's settings.</summary>
    public WeChatMode Mode { get; set; } = WeChatMode.Plain;

    /// <summary>How far a request's <c>timestamp</c> may be from our clock before it counts as a replay.</summary>
    public int TimestampWindowSeconds { get; set; } = 300;

    /// <summary>Per-request time limit for API calls, so a dead server never hangs a sender.</summary>
    public int ApiTimeoutSeconds { get; set; } = 10;

    /// <summary>The custom menu (自定义菜单) pushed by <c>sunshinebot wechat menu push</c>.</summary>
    public List<WeChatMenuButton> Menu { get; set; } = [];

    /// <summary>
    /// True when the account is configured at all (a token and an AppId). With nothing configured the host
    /// leaves the webhook off and the web chat still works.
    /// </summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(AppId);

    /// <summary>
    /// Lists what is wrong with this configuration; empty means valid. An unconfigured account is valid
    /// (WeChat is simply off); a half-configured one is not.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var anything = !string.IsNullOrWhiteSpace(Token) || !string.IsNullOrWhiteSpace(AppId)
            || !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(EncodingAESKey);
        if (!anything)
        {
            return problems;
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            problems.Add("WeChat:Token is required.");
        }
        else if (Token.Length is < 3 or > 32 || !Token.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add("WeChat:Token must be 3 to 32 letters or digits.");
        }

        if (string.IsNullOrWhiteSpace(AppId))
        {
            problems.Add("WeChat:AppId is required.");
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            problems.Add("WeChat:AppSecret is required to call the API.");
        }

        if (Mode != WeChatMode.Plain || !string.IsNullOrEmpty(EncodingAESKey))
        {
            if (!Crypto.WeChatMessageCrypto.IsValidEncodingAesKey(EncodingAESKey))
            {
                problems.Add("WeChat:EncodingAESKey must be exactly 43 characters of the base64 alphabet (A-Z, a-z, 0-9, + and /).");
            }
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add("WeChat:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (TimestampWindowSeconds <= 0)
        {
            problems.Add("WeChat:TimestampWindowSeconds must be positive.");
        }

        if (ApiTimeoutSeconds <= 0)
        {
            problems.Add("WeChat:ApiTimeoutSeconds must be positive.");
        }

        problems.AddRange(WeChatMenuButton.ValidateMenu(Menu));
        return problems;
    }
}
