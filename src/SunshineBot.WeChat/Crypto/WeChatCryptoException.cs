namespace SunshineBot.WeChat.Crypto;

/// <summary>
/// Any failure to decrypt or verify a WeChat ciphertext (wrong key, wrong AppId, tampered or truncated
/// bytes, bad padding, bad base64). The message is safe to log: it never contains plaintext.
/// </summary>
public sealed class WeChatCryptoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatCryptoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around a lower-level cause.</summary>
    public WeChatCryptoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WeChatCryptoException()
        : base("The WeChat ciphertext could not be decrypted.")
    {
    }
}
