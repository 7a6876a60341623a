using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SunshineBot.WeChat.Security;

/// <summary>
/// WeChat's request signatures: the SHA-1, in lower-case hex, of the parts sorted in ordinal (dictionary)
/// order and concatenated. <c>signature</c> covers token, timestamp and nonce (接入指南);
/// <c>msg_signature</c> adds the <c>Encrypt</c> ciphertext (消息加解密).
/// </summary>
public static class WeChatSignature
{
    /// <summary>The <c>signature</c> of URL verification and of plaintext requests.</summary>
    public static string ComputeUrlSignature(string token, string timestamp, string nonce) =>
        Compute(token, timestamp, nonce);

    /// <summary>The <c>msg_signature</c> of an encrypted request or reply.</summary>
    public static string ComputeMessageSignature(string token, string timestamp, string nonce, string encrypt) =>
        Compute(token, timestamp, nonce, encrypt);

    /// <summary>Checks a <c>signature</c> in constant time; false for any missing part.</summary>
    public static bool VerifyUrlSignature(string token, string? timestamp, string? nonce, string? signature) =>
        timestamp is not null && nonce is not null
        && FixedTimeEquals(ComputeUrlSignature(token, timestamp, nonce), signature);

    /// <summary>Checks a <c>msg_signature</c> in constant time; false for any missing part.</summary>
    public static bool VerifyMessageSignature(string token, string? timestamp, string? nonce, string? encrypt, string? msgSignature) =>
        timestamp is not null && nonce is not null && encrypt is not null
        && FixedTimeEquals(ComputeMessageSignature(token, timestamp, nonce, encrypt), msgSignature);

    /// <summary>
    /// Compares an expected lower-case hex signature with a supplied one without leaking, through timing,
    /// how many leading characters matched. Upper-case hex from the caller is accepted.
    /// </summary>
    public static bool FixedTimeEquals(string expected, string? supplied)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (supplied is null || supplied.Length != expected.Length)
        {
            return false;
        }

        var a = Encoding.ASCII.GetBytes(expected);
        var b = Encoding.ASCII.GetBytes(supplied.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    [SuppressMessage("Security", "CA5350", Justification = "WeChat's protocol defines these signatures as SHA-1; we verify, we do not choose.")]
    private static string Compute(params string[] parts)
    {
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
        }

        Array.Sort(parts, StringComparer.Ordinal);
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(digest);
    }

    internal static string FormatTimestamp(DateTimeOffset at) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
