using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SunshineBot.WeChat.Tests.Crypto;

/// <summary>
/// Builds ciphertexts by hand, independently of the code under test, so that tests can craft exactly the
/// broken inputs an attacker could (bad padding, lying length fields) under the right key.
/// </summary>
internal static class RawCipher
{
    public static byte[] Key(string encodingAesKey) => Convert.FromBase64String(encodingAesKey + "=");

    /// <summary>random(16) ‖ length(4, big-endian) ‖ body ‖ appId, padded with <paramref name="padding"/> (null = correct PKCS#7/32).</summary>
    public static byte[] Plaintext(string body, string appId, int? lengthField = null, byte[]? padding = null)
    {
        var message = Encoding.UTF8.GetBytes(body);
        var app = Encoding.UTF8.GetBytes(appId);
        var content = new byte[20 + message.Length + app.Length];
        RandomNumberGenerator.Fill(content.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(16), lengthField ?? message.Length);
        message.CopyTo(content, 20);
        app.CopyTo(content, 20 + message.Length);
        if (padding is null)
        {
            var pad = 32 - (content.Length % 32);
            padding = Enumerable.Repeat((byte)pad, pad).ToArray();
        }

        return [.. content, .. padding];
    }

    /// <summary>AES-256-CBC with the key's first 16 bytes as IV and no padding of its own: the bytes must be whole blocks.</summary>
    public static string Encrypt(string encodingAesKey, byte[] plaintext)
    {
        var key = Key(encodingAesKey);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plaintext, key.AsSpan(0, 16), PaddingMode.None));
    }
}
