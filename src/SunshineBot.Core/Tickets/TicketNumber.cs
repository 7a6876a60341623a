using System.Globalization;

namespace SunshineBot.Core.Tickets;

/// <summary>
/// Ticket numbers: <c>YG</c> + the local date of receipt + a per-day sequence, e.g. <c>YG20261122-0017</c>.
/// Numbers of one day sort by sequence up to 9,999; later ones get more digits.
/// </summary>
public static class TicketNumber
{
    public const string Prefix = "YG";

    public static string Format(DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyyMMdd}-{sequence:0000}");
    }

    /// <summary>Accepts what people type: lower case, spaces, a full-width dash.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = new string(text.Trim().Where(c => !char.IsWhiteSpace(c)).ToArray())
            .ToUpperInvariant().Replace('－', '-').Replace('—', '-');
        return IsValid(s) ? s : null;
    }

    public static bool IsValid(string s) =>
        s.Length >= 15 && s.StartsWith(Prefix, StringComparison.Ordinal) && s[10] == '-'
        && s.AsSpan(2, 8).ToString().All(char.IsAsciiDigit) && s.AsSpan(11).ToString().All(char.IsAsciiDigit);
}
