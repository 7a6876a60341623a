namespace SunshineBot.Web.WeChat;

/// <summary>
/// The host's part of section <c>WeChat</c> (the protocol keys are <see cref="SunshineBot.WeChat.WeChatOptions"/>):
/// the reply budget, the request size limit, the template used outside the 48-hour window and the outbox's retries.
/// </summary>
public sealed class WeChatHostOptions
{
    public const string Section = "WeChat";

    /// <summary>How long a webhook request waits for the turn before answering "success" (WeChat gives up after 5 s).</summary>
    public TimeSpan ReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Bodies larger than this are refused with 413 before they are read.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The web chat's address, linked from template messages (outside the 48-hour window).</summary>
    public string? WebChatUrl { get; set; }

    /// <summary>
    /// The staff pages' address (e.g. https://ygfw.example.cn/staff), linked from staff alerts sent over WeChat. Unset:
    /// the web chat's origin + <c>/staff</c>, or no link when that is unset too.
    /// </summary>
    public string? StaffUrl { get; set; }

    public WeChatTemplateOptions Template { get; set; } = new();

    /// <summary>Where a staff alert links to, without a trailing slash; null for no link.</summary>
    public string? StaffPagesUrl()
    {
        if (!string.IsNullOrWhiteSpace(StaffUrl))
        {
            return StaffUrl.TrimEnd('/');
        }

        return Uri.TryCreate(WebChatUrl, UriKind.Absolute, out var chat) ? chat.GetLeftPart(UriPartial.Authority) + "/staff" : null;
    }

    public WeChatOutboxOptions Outbox { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        if (ReplyBudget < TimeSpan.Zero || ReplyBudget > TimeSpan.FromSeconds(4.5))
        {
            yield return "WeChat:ReplyBudget must be between 0 and 4.5 seconds (WeChat waits 5 seconds)";
        }

        if (MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            yield return "WeChat:MaxBodyBytes must be between 1 KB and 1 MB";
        }

        if (WebChatUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            yield return "WeChat:WebChatUrl must be an absolute URL";
        }

        if (StaffUrl is { Length: > 0 } staff && !Uri.TryCreate(staff, UriKind.Absolute, out _))
        {
            yield return "WeChat:StaffUrl must be an absolute URL";
        }

        if (Outbox.MaxAttempts is < 1 or > 100)
        {
            yield return "WeChat:Outbox:MaxAttempts must be between 1 and 100";
        }

        if (Outbox.PollInterval <= TimeSpan.Zero || Outbox.BaseDelay <= TimeSpan.Zero || Outbox.MaxDelay < Outbox.BaseDelay || Outbox.ClaimTimeout <= TimeSpan.Zero)
        {
            yield return "WeChat:Outbox: PollInterval, BaseDelay and ClaimTimeout must be positive and MaxDelay at least BaseDelay";
        }
    }
}

/// <summary>The template message (模板消息) that carries a message outside the 48-hour window.</summary>
public sealed class WeChatTemplateOptions
{
    /// <summary>The template's id in the account's template library; without it, such messages fail visibly.</summary>
    public string? Id { get; set; }

    /// <summary>
    /// Template field → value, with placeholders {title} (first line of the message), {ref} (ticket number),
    /// {time} (local time) and {text} (the message, cut to 100 characters).
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal)
    {
        ["first"] = "{title}",
        ["keyword1"] = "{ref}",
        ["keyword2"] = "{time}",
        ["remark"] = "点击查看详情。",
    };
}

public sealed class WeChatOutboxOptions
{
    /// <summary>Attempts before a message is marked Failed (permanent errors fail at once).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the dispatcher looks for due messages (it is also woken when this instance writes one).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first retry's delay; each further retry doubles it, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a claim holds; a dispatcher that died mid-send loses its claim after this.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
