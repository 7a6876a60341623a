using System.Text.RegularExpressions;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// Masks the complainant in free text: the ticket's own name and phone wherever they were typed, and anything shaped
/// like a mainland mobile number, the same way the fields are masked (张** / 138****1234). Used by the ledger export
/// always, and by the queue, the ticket page, the print form and the API until the contact is revealed.
/// </summary>
public static partial class FreeTextMask
{
    public static string Apply(Ticket ticket, string? text)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = text;
        if (ticket.VisitorName?.Trim() is { Length: >= 2 } name)
        {
            masked = masked.Replace(name, ContactInfo.MaskName(name), StringComparison.Ordinal);
        }

        if (ticket.VisitorPhone?.Trim() is { Length: >= 7 } phone)
        {
            masked = masked.Replace(phone, ContactInfo.MaskPhone(phone), StringComparison.Ordinal);
        }

        return MaskPhones(masked);
    }

    /// <summary>Masks anything shaped like a mainland mobile number (text with no ticket: a parent's question).</summary>
    public static string MaskPhones(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Mobile().Replace(text, m => ContactInfo.MaskPhone(Digits().Replace(m.Value, "")));

    // 11 digits starting 13–19, optionally written 3-4-4 with spaces or dashes, not inside a longer number.
    [GeneratedRegex(@"(?<!\d)1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
