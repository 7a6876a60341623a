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

    /// <summary>
    /// True when the ciphertext decrypted but its trailer names another AppId (a message for another account, or a
    /// wrong <c>WeChat:AppId</c>), as opposed to bytes that do not decrypt at all.
    /// </summary>
    public bool IsAppIdMismatch { get; init; }

    /// <summary>Creates the exception with a generic message.</summary>
    public WeChatCryptoException()
        : base("The WeChat ciphertext could not be decrypted.")
    {
    }
}
