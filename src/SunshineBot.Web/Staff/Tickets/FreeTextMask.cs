using System.Text;
using System.Text.RegularExpressions;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// Masks the complainant in free text: the ticket's own name and phone wherever they were typed, and anything shaped
/// like personal data a parent writes — mobile and landline numbers, ID-card numbers, WeChat ids, and names given as
/// 我叫… / 我是…的家长 / 姓名：… — the same way the fields are masked (张** / 138****1234). Used by the ledger export,
/// notices and staff alerts always, and by the queue, the ticket page, the print form and the API until the contact is
/// revealed. Over-masking a word that only looks like a name is the accepted price of never leaking one.
/// </summary>
public static partial class FreeTextMask
{
    public static string Apply(Ticket ticket, string? text)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Apply(ticket.VisitorName, ticket.VisitorPhone, text);
    }

    /// <summary>Masks the given name and phone where typed, then every pattern of <see cref="MaskPatterns"/>.</summary>
    public static string Apply(string? visitorName, string? visitorPhone, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = text;
        if (visitorName?.Trim() is { Length: >= 2 } name)
        {
            masked = masked.Replace(name, ContactInfo.MaskName(name), StringComparison.Ordinal);
        }

        if (visitorPhone?.Trim() is { Length: >= 7 } phone)
        {
            masked = masked.Replace(phone, ContactInfo.MaskPhone(phone), StringComparison.Ordinal);
        }

        return MaskPatterns(masked);
    }

    /// <summary>
    /// Null stays null (an API field that was never filled), anything else is masked except <paramref name="keep"/>:
    /// public numbers such as the handling unit's own contact phone in its reply letter.
    /// </summary>
    public static string? ApplyOrNull(Ticket ticket, string? text, IEnumerable<string?>? keep = null)
    {
        if (text is null)
        {
            return null;
        }

        var kept = (keep ?? []).OfType<string>().Where(k => k.Length >= 5 && text.Contains(k, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var s = text;
        for (var i = 0; i < kept.Count; i++)
        {
            s = s.Replace(kept[i], $"\uE000{i}\uE001", StringComparison.Ordinal);
        }

        s = Apply(ticket, s);
        for (var i = 0; i < kept.Count; i++)
        {
            s = s.Replace($"\uE000{i}\uE001", kept[i], StringComparison.Ordinal);
        }

        return s;
    }

    /// <summary>
    /// Masks everything shaped like personal data, with no ticket at hand (a parent's question, a stored notice):
    /// ID-card numbers, phone numbers, WeChat ids, self-given names.
    /// </summary>
    public static string MaskPatterns(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = AsciiDigits(text);
        s = IdCard().Replace(s, m => string.Concat(m.Value.AsSpan(0, 6), new string('*', m.Value.Length - 10), m.Value.AsSpan(m.Value.Length - 4)));
        s = MaskPhones(s);
        s = WeChatId().Replace(s, m => m.Groups["pre"].Value + MaskHandle(m.Groups["id"].Value));
        s = WxId().Replace(s, m => MaskHandle(m.Value));
        s = SelfName().Replace(s, m => m.Groups["pre"].Value + ContactInfo.MaskName(m.Groups["name"].Value));
        s = ParentOf().Replace(s, m => m.Groups["pre"].Value + ContactInfo.MaskName(m.Groups["name"].Value) + m.Groups["post"].Value);
        return s;
    }

    /// <summary>Masks anything shaped like a mainland mobile or landline number, or a long run of digits.</summary>
    public static string MaskPhones(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = AsciiDigits(text);
        s = Mobile().Replace(s, m => ContactInfo.MaskPhone(Digits().Replace(m.Groups["n"].Value, "")));
        s = Landline().Replace(s, m => ContactInfo.MaskPhone(Digits().Replace(m.Value, "")));
        return LongNumber().Replace(s, m => ContactInfo.MaskPhone(m.Value));
    }

    private static string MaskHandle(string id) => id.Length <= 2 ? "****" : string.Concat(id.AsSpan(0, 2), "****");

    // Chinese IMEs type full-width digits and Ｘ: the patterns below see them as ASCII.
    private static string AsciiDigits(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９' or 'Ｘ' or 'ｘ'))
        {
            return text;
        }

        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch { >= '０' and <= '９' => (char)(c - '０' + '0'), 'Ｘ' or 'ｘ' => 'X', _ => c });
        }

        return b.ToString();
    }

    // 18-digit resident ID (last may be X) or the old 15-digit one, not inside a longer number.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdCard();

    // 11 digits starting 13–19, optionally +86 / 0086 first and written 3-4-4 with spaces or dashes.
    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)86[ \-]?)?(?<n>1[3-9][0-9][ \-]?[0-9]{4}[ \-]?[0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    // Area code (0 + 2–3 digits, maybe in brackets) and a 7–8 digit number: 0734-8888888, (010)12345678.
    [GeneratedRegex(@"(?<![0-9])[(（]?0[1-9][0-9]{1,2}[)）]?[ \-]?[2-9][0-9]{6,7}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();

    // Any other standalone run of 9+ digits (a number written without area code, a bank card): never a fee or a date.
    [GeneratedRegex(@"(?<![0-9A-Za-z\-])[0-9]{9,}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    // 微信号：abc_123 / vx: abc123 / 加我微信 abc123 — WeChat's own rule: a letter, then 5–19 letters, digits, _ or -.
    [GeneratedRegex(@"(?<pre>(?:微信号?|威信|薇信|v信|wechat|weixin|vx|wx)(?:号|id)?\s*(?:[:：是为]|账号)?\s*)(?<id>[A-Za-z][-_A-Za-z0-9]{5,19})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WeChatId();

    [GeneratedRegex(@"wxid_[A-Za-z0-9]{4,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WxId();

    // 我叫张三 / 我的名字是张三 / 姓名：张三 / 联系人张三 / 孩子叫李小明.
    [GeneratedRegex(@"(?<pre>(?:我叫|我名叫|我的名字(?:是|叫)|名字叫|本人(?:叫|是)|姓名\s*[:：为是]?|联系人\s*[:：为是]?|(?:孩子|女儿|儿子|学生|小孩)(?:名)?叫)\s*)(?<name>\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}·]{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex SelfName();

    // 我是张三的家长 / 我是李小明妈妈.
    [GeneratedRegex(@"(?<pre>我是\s*)(?<name>\p{IsCJKUnifiedIdeographs}{2,4}?)(?<post>(?:同学)?的?(?:家长|妈妈|爸爸|母亲|父亲|奶奶|爷爷|外公|外婆|姥姥|姥爷|监护人))", RegexOptions.CultureInvariant)]
    private static partial Regex ParentOf();

    [GeneratedRegex(@"[^0-9]")]
    private static partial Regex Digits();
}
