using System.Security.Cryptography;
using System.Text;

namespace SunshineBot.Web.Integration;

/// <summary>
/// The signature both directions carry: <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the shared
/// secret, of the UTF-8 bytes of "{timestamp}." followed by the raw body bytes.
/// </summary>
public static class IntegrationSignature
{
    public const string NameHeader = "X-Sunshine-Integration";
    public const string TimestampHeader = "X-Sunshine-Timestamp";
    public const string SignatureHeader = "X-Sunshine-Signature";
    public const string EventIdHeader = "X-Sunshine-Event-Id";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var head = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>Compares in constant time (no early exit on the first differing byte).</summary>
    public static bool Verify(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>Unix seconds within <see cref="IntegrationDeliveryOptions.TimestampWindow"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds < 100_000_000_000
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= IntegrationDeliveryOptions.TimestampWindow.TotalSeconds;
}
