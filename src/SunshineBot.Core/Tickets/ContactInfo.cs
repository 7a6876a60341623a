using System.Text.RegularExpressions;

namespace SunshineBot.Core.Tickets;

/// <summary>Phone numbers and names of visitors: normalising, validating and masking (张** / 138****1234).</summary>
public static partial class ContactInfo
{
    /// <summary>Strips spaces, dashes, brackets and a +86/0086 prefix; full-width digits and plus (Chinese IMEs) become ASCII.</summary>
    public static string NormalizePhone(string raw)
    {
        var chars = raw.Trim().Select(c => c switch { >= '０' and <= '９' => (char)(c - '０' + '0'), '＋' => '+', _ => c })
            .Where(c => char.IsAsciiDigit(c) || c == '+').ToArray();
        var s = new string(chars);
        if (s.StartsWith("+86", StringComparison.Ordinal))
        {
            s = s[3..];
        }
        else if (s.StartsWith("0086", StringComparison.Ordinal))
        {
            s = s[4..];
        }

        return s;
    }

    /// <summary>A mainland mobile number (11 digits starting 13–19).</summary>
    public static bool IsMobile(string normalized) => MobilePattern().IsMatch(normalized);

    /// <summary>A mobile number, or a landline with its area code (e.g. 07348888888).</summary>
    public static bool IsPhone(string normalized) => IsMobile(normalized) || LandlinePattern().IsMatch(normalized);

    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        return phone.Length >= 7 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)) : "****";
    }

    /// <summary>Keeps the surname only: 张三丰 → 张**.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "" : string.Concat(name.Trim().AsSpan(0, 1), "**");

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex LandlinePattern();
}
