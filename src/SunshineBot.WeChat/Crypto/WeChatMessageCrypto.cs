using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SunshineBot.WeChat.Crypto;

/// <summary>
/// WeChat's message encryption (消息加解密技术方案): AES-256-CBC with key
/// <c>Base64_Decode(EncodingAESKey + "=")</c>, IV = the key's first 16 bytes, PKCS#7 padding to 32-byte
/// blocks, over <c>random(16) ‖ length(4, big-endian) ‖ message ‖ AppId</c>, then base64.
/// </summary>
public sealed class WeChatMessageCrypto
{
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + 4;
    private const int PadBlock = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    /// <summary>Creates the cipher for one account.</summary>
    /// <exception cref="WeChatCryptoException">The key is not 43 base64 characters, or the AppId is empty.</exception>
    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        if (!IsValidEncodingAesKey(encodingAesKey))
        {
            throw new WeChatCryptoException("EncodingAESKey must be 43 characters of the base64 alphabet.");
        }

        if (string.IsNullOrEmpty(appId))
        {
            throw new WeChatCryptoException("The AppId is required to check the ciphertext's trailer.");
        }

        _key = Convert.FromBase64String(encodingAesKey + "=");
        _iv = _key[..16];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>True when <paramref name="encodingAesKey"/> is 43 characters that decode, with "=", to 32 bytes.</summary>
    public static bool IsValidEncodingAesKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return false;
        }

        foreach (var c in encodingAesKey)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        Span<byte> key = stackalloc byte[32];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32;
    }

    /// <summary>Encrypts a message with fresh random bytes; returns the base64 <c>Encrypt</c> value.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>
    /// Encrypts with caller-chosen random bytes. Only for reproducing published test vectors: real
    /// replies must use <see cref="Encrypt(string)"/>.
    /// </summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException("The random prefix must be 16 bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var length = HeaderLength + body.Length + _appId.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain.AsSpan(HeaderLength));
        _appId.CopyTo(plain.AsSpan(HeaderLength + body.Length));
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>Decrypts a base64 <c>Encrypt</c> value and checks that it was made for this AppId.</summary>
    /// <exception cref="WeChatCryptoException">Anything about the ciphertext is wrong.</exception>
    public string Decrypt(string encrypt)
    {
        var cipher = DecodeBase64(encrypt);
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatCryptoException("The ciphertext is not a whole number of AES blocks.");
        }

        byte[] plain;
        try
        {
            using var aes = Aes.Create();
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        }
        catch (CryptographicException ex)
        {
            throw new WeChatCryptoException("AES decryption failed.", ex);
        }

        var unpadded = RemovePadding(plain);
        if (unpadded.Length < HeaderLength)
        {
            throw new WeChatCryptoException("The plaintext is too short to hold its header.");
        }

        var messageLength = BinaryPrimitives.ReadInt32BigEndian(unpadded.Slice(RandomLength, 4));
        if (messageLength < 0 || messageLength > unpadded.Length - HeaderLength)
        {
            throw new WeChatCryptoException("The message length field is out of range.");
        }

        var appId = unpadded[(HeaderLength + messageLength)..];
        if (!appId.SequenceEqual(_appId))
        {
            throw new WeChatCryptoException("The ciphertext was made for a different AppId.") { IsAppIdMismatch = true };
        }

        try
        {
            return StrictUtf8.GetString(unpadded.Slice(HeaderLength, messageLength));
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeChatCryptoException("The message is not valid UTF-8.", ex);
        }
    }

    private static byte[] DecodeBase64(string? encrypt)
    {
        if (string.IsNullOrEmpty(encrypt))
        {
            throw new WeChatCryptoException("The ciphertext is empty.");
        }

        var buffer = new byte[(encrypt.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encrypt, buffer, out var written))
        {
            throw new WeChatCryptoException("The ciphertext is not valid base64.");
        }

        return buffer[..written];
    }

    private static ReadOnlySpan<byte> RemovePadding(byte[] plain)
    {
        // WeChat pads to 32-byte blocks (PKCS#7 with K = 32), so a valid pad is 1..32 identical bytes.
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length)
        {
            throw new WeChatCryptoException("The padding is invalid.");
        }

        var bad = 0;
        for (var i = plain.Length - pad; i < plain.Length; i++)
        {
            bad |= plain[i] ^ pad;
        }

        if (bad != 0)
        {
            throw new WeChatCryptoException("The padding is invalid.");
        }

        return plain.AsSpan(0, plain.Length - pad);
    }
}
