using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Messages;
using SunshineBot.WeChat.Replies;
using SunshineBot.WeChat.Security;

namespace SunshineBot.WeChat.Inbound;

/// <summary>
/// Everything the webhook endpoint needs from the protocol, in three calls: <see cref="VerifyUrl"/> for the
/// GET, <see cref="Open"/> for a POST (signature, replay window, decryption, parsing) and
/// <see cref="SealReply"/> to encrypt a passive reply when the request was encrypted.
/// </summary>
public sealed class WeChatInboundProtocol
{
    private readonly WeChatOptions _options;
    private readonly WeChatTimestampWindow _window;
    private readonly WeChatMessageCrypto? _crypto;

    /// <summary>Creates the protocol for a configured account.</summary>
    /// <exception cref="InvalidOperationException">The options are incomplete or invalid.</exception>
    public WeChatInboundProtocol(WeChatOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (!options.IsConfigured || problems.Count > 0)
        {
            throw new InvalidOperationException("WeChat is not configured: " + string.Join(" ", problems));
        }

        _options = options;
        _window = new WeChatTimestampWindow(time, options.TimestampWindowSeconds);
        if (WeChatMessageCrypto.IsValidEncodingAesKey(options.EncodingAESKey))
        {
            _crypto = new WeChatMessageCrypto(options.EncodingAESKey!, options.AppId!);
        }
    }

    /// <summary>The maximum characters of a body; larger bodies are refused before parsing.</summary>
    public int MaxBodyCharacters { get; init; } = WeChatXml.DefaultMaxCharacters;

    /// <summary>
    /// Checks URL verification (接入指南): returns the <c>echostr</c> to send back, or null when the
    /// signature or timestamp is wrong (answer 403).
    /// </summary>
    public string? VerifyUrl(WeChatRequestQuery query) => CheckUrl(query) == WeChatInboundFailure.None ? query.EchoStr : null;

    /// <summary>Why URL verification fails (<see cref="WeChatInboundFailure.None"/> when it succeeds), for the log.</summary>
    public WeChatInboundFailure CheckUrl(WeChatRequestQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.EchoStr is null || !WeChatSignature.VerifyUrlSignature(_options.Token!, query.Timestamp, query.Nonce, query.Signature))
        {
            return WeChatInboundFailure.BadSignature;
        }

        return _window.IsFresh(query.Timestamp) ? WeChatInboundFailure.None : WeChatInboundFailure.StaleTimestamp;
    }

    /// <summary>Authenticates, decrypts and parses a webhook POST. Never throws for bad input.</summary>
    public WeChatInboundResult Open(WeChatRequestQuery query, string body)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxBodyCharacters)
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.MalformedXml);
        }

        var encrypted = query.IsEncrypted && _options.Mode != WeChatMode.Plain;
        if (!encrypted && _options.Mode == WeChatMode.Safe)
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.EncryptionRequired);
        }

        return encrypted ? OpenEncrypted(query, body) : OpenPlain(query, body);
    }

    /// <summary>
    /// Prepares a passive reply for the response body: encrypted into the reply envelope (with a fresh
    /// timestamp and the request's nonce) when the request was encrypted, unchanged otherwise.
    /// </summary>
    public string SealReply(string replyXml, WeChatInboundResult request)
    {
        ArgumentNullException.ThrowIfNull(replyXml);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.WasEncrypted)
        {
            return replyXml;
        }

        var encrypt = _crypto!.Encrypt(replyXml);
        var timestamp = _window.Now();
        var nonce = request.Nonce ?? "";
        var signature = WeChatSignature.ComputeMessageSignature(_options.Token!, timestamp, nonce, encrypt);
        return WeChatReply.EncryptedEnvelope(encrypt, signature, timestamp, nonce);
    }

    private WeChatInboundResult OpenPlain(WeChatRequestQuery query, string body)
    {
        if (!WeChatSignature.VerifyUrlSignature(_options.Token!, query.Timestamp, query.Nonce, query.Signature))
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.BadSignature);
        }

        if (!_window.IsFresh(query.Timestamp))
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.StaleTimestamp);
        }

        return Parse(body, encrypted: false, query.Nonce);
    }

    private WeChatInboundResult OpenEncrypted(WeChatRequestQuery query, string body)
    {
        WeChatEncryptedEnvelope envelope;
        try
        {
            envelope = WeChatEncryptedEnvelope.Parse(body, MaxBodyCharacters);
        }
        catch (WeChatXmlException)
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.MalformedXml);
        }

        // Signature before decryption: without the token nobody reaches the cipher (no padding oracle).
        if (!WeChatSignature.VerifyMessageSignature(_options.Token!, query.Timestamp, query.Nonce, envelope.Encrypt, query.MsgSignature))
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.BadSignature);
        }

        if (!_window.IsFresh(query.Timestamp))
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.StaleTimestamp);
        }

        string plaintext;
        try
        {
            plaintext = _crypto!.Decrypt(envelope.Encrypt);
        }
        catch (WeChatCryptoException e)
        {
            return WeChatInboundResult.Refused(e.IsAppIdMismatch ? WeChatInboundFailure.AppIdMismatch : WeChatInboundFailure.DecryptionFailed);
        }

        // In compatible mode the body also carries plaintext fields; only the signed ciphertext counts.
        return Parse(plaintext, encrypted: true, query.Nonce);
    }

    private WeChatInboundResult Parse(string xml, bool encrypted, string? nonce)
    {
        try
        {
            // Without a sender and an account there is no one to answer (a reply needs both): not a message.
            var message = WeChatMessageParser.Parse(xml, MaxBodyCharacters);
            return string.IsNullOrWhiteSpace(message.FromUserName) || string.IsNullOrWhiteSpace(message.Header.ToUserName)
                ? WeChatInboundResult.Refused(WeChatInboundFailure.MalformedXml)
                : new WeChatInboundResult(WeChatInboundFailure.None, message, encrypted, nonce);
        }
        catch (WeChatXmlException)
        {
            return WeChatInboundResult.Refused(WeChatInboundFailure.MalformedXml);
        }
    }
}
