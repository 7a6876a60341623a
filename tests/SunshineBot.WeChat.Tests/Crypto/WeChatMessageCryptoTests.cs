using System.Text;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Messages;
using static SunshineBot.WeChat.Tests.OfficialVectors;

namespace SunshineBot.WeChat.Tests.Crypto;

public sealed class WeChatMessageCryptoTests
{
    private static readonly WeChatMessageCrypto Doc = new(DocKey, DocAppId);

    [Fact]
    public void Encrypt_JavaSampleFixedRandom_MatchesPublishedCiphertext()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, JavaAppId);
        Assert.Equal(JavaReplyEncrypt, crypto.Encrypt(JavaReply, Encoding.ASCII.GetBytes(JavaRandom)));
    }

    [Fact]
    public void Encrypt_JavaSampleFixedRandomLongXml_MatchesPublishedCiphertext()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, JavaAppId);
        Assert.Equal(JavaReply2Encrypt, crypto.Encrypt(JavaReply2, Encoding.ASCII.GetBytes(JavaRandom)));
    }

    [Fact]
    public void Encrypt_ThirdPartyDocReplyFixedRandom_MatchesPublishedCiphertext() =>
        Assert.Equal(DocReplyEncrypt, Doc.Encrypt(DocReplyPlaintext, Encoding.ASCII.GetBytes(DocReplyRandom)));

    [Fact]
    public void Decrypt_ThirdPartyDocInbound_YieldsPublishedPlaintext()
    {
        var plaintext = Doc.Decrypt(DocEncrypt);
        Assert.Equal(DocPlaintext, plaintext);
        Assert.Equal(DocPlaintextBytes, Encoding.UTF8.GetByteCount(plaintext));
    }

    [Fact]
    public void Decrypt_PythonSampleInbound_YieldsTheTextMessage()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, PythonAppId);
        var message = Assert.IsType<WeChatTextMessage>(WeChatMessageParser.Parse(crypto.Decrypt(PythonEncrypt)));
        Assert.Equal("abcdteT", message.Content);
        Assert.Equal("gh_10f6c3c3ac5a", message.Header.ToUserName);
        Assert.Equal("oyORnuP8q7ou2gfYjqLzSIWZf0rs", message.FromUserName);
        Assert.Equal(6054768590064713728, message.Header.MsgId);
    }

    [Fact]
    public void Decrypt_JavaSampleCiphertext_YieldsTheChineseReply() =>
        Assert.Equal(JavaReply, new WeChatMessageCrypto(SampleKey, JavaAppId).Decrypt(JavaReplyEncrypt));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("家长投诉：学校强制收取教辅费 ¥380，电话 13800138000")]
    [InlineData("<xml><Content><![CDATA[hi]]></Content></xml>")]
    public void EncryptThenDecrypt_AnyMessage_RoundTrips(string message)
    {
        var crypto = new WeChatMessageCrypto(SampleKey, "wxappid0000000001");
        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void EncryptThenDecrypt_EveryPaddingLength_RoundTrips(int extra)
    {
        // With a 12-byte AppId the plaintext is 32 + extra bytes, so the pad runs 32, 31, 1, 32, 31.
        var crypto = new WeChatMessageCrypto(SampleKey, "wx1234567890");
        var message = new string('x', extra);
        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));
    }

    [Fact]
    public void Encrypt_SameMessageTwice_UsesFreshRandomBytes()
    {
        var crypto = new WeChatMessageCrypto(SampleKey, JavaAppId);
        Assert.NotEqual(crypto.Encrypt("hello"), crypto.Encrypt("hello"));
    }

    [Fact]
    public void Decrypt_IndependentlyBuiltCiphertext_IsAccepted()
    {
        var cipher = RawCipher.Encrypt(SampleKey, RawCipher.Plaintext("你好", JavaAppId));
        Assert.Equal("你好", new WeChatMessageCrypto(SampleKey, JavaAppId).Decrypt(cipher));
    }

    [Fact]
    public void Decrypt_WrongKey_FailsCleanly()
    {
        var other = new WeChatMessageCrypto("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", DocAppId);
        Assert.Throws<WeChatCryptoException>(() => other.Decrypt(DocEncrypt));
    }

    [Fact]
    public void Decrypt_WrongAppId_FailsCleanly()
    {
        var other = new WeChatMessageCrypto(DocKey, "wxba5fad812f8e6fb9");
        var ex = Assert.Throws<WeChatCryptoException>(() => other.Decrypt(DocEncrypt));
        Assert.Contains("AppId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AnySingleByteFlipped_FailsCleanlyUnlessOnlyTheFirstBlocksChanged()
    {
        // CBC without a MAC is malleable: a flip in block k garbles plaintext block k and flips one bit of
        // block k+1. Decryption catches most flips (length, AppId, padding, UTF-8) but not all of the
        // first blocks; the msg_signature check, done before decryption, is what refuses every flip
        // (see WeChatInboundProtocolTests). Here: never a crash, never an unexpected exception type.
        var bytes = Convert.FromBase64String(DocEncrypt);
        var survived = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            try
            {
                var plain = Doc.Decrypt(Convert.ToBase64String(tampered));
                Assert.NotEqual(DocPlaintext, plain);
                survived.Add(i);
            }
            catch (WeChatCryptoException)
            {
            }
        }

        Assert.All(survived, i => Assert.True(i < bytes.Length - 32, $"a flip at {i} in the AppId/padding blocks went unnoticed"));
    }

    [Fact]
    public void Decrypt_BadPaddingValue_FailsCleanly()
    {
        // Padding byte 33 is larger than WeChat's 32-byte block.
        var plain = RawCipher.Plaintext("hello", DocAppId, padding: Enumerable.Repeat((byte)33, 33).ToArray());
        var padded = plain.Length % 16 == 0 ? plain : [.. plain, .. new byte[16 - (plain.Length % 16)]];
        padded[^1] = 33;
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, padded)));
    }

    [Fact]
    public void Decrypt_InconsistentPaddingBytes_FailsCleanly()
    {
        var plain = RawCipher.Plaintext("hello", DocAppId);
        plain[^2] ^= 0x7F; // the last pad byte still says N, the one before it does not
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, plain)));
    }

    [Fact]
    public void Decrypt_ZeroPaddingByte_FailsCleanly()
    {
        var plain = RawCipher.Plaintext("hello", DocAppId);
        plain[^1] = 0;
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, plain)));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(6)] // one byte longer than "hello": eats into the AppId
    public void Decrypt_LengthFieldOutOfRange_FailsCleanly(int lengthField)
    {
        var plain = RawCipher.Plaintext("hello", DocAppId, lengthField);
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, plain)));
    }

    [Fact]
    public void Decrypt_PlaintextShorterThanHeader_FailsCleanly()
    {
        // 16 bytes of data + 16 bytes of padding: decrypts and unpads to less than random + length.
        byte[] plain = [.. new byte[16], .. Enumerable.Repeat((byte)16, 16)];
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, plain)));
    }

    [Fact]
    public void Decrypt_InvalidUtf8Message_FailsCleanly()
    {
        var plain = RawCipher.Plaintext("ab", DocAppId);
        plain[20] = 0xC3; // a lead byte followed by 'b' is not UTF-8
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(RawCipher.Encrypt(DocKey, plain)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!not base64!!!")]
    [InlineData("YWJj")] // valid base64, 3 bytes: not whole AES blocks
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")] // one block of zeros: garbage after decryption
    public void Decrypt_Garbage_FailsCleanly(string encrypt) =>
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(encrypt));

    [Fact]
    public void Decrypt_Truncated_FailsCleanly()
    {
        var bytes = Convert.FromBase64String(DocEncrypt);
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(Convert.ToBase64String(bytes[..^16])));
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(Convert.ToBase64String(bytes[..^1])));
        Assert.Throws<WeChatCryptoException>(() => Doc.Decrypt(DocEncrypt[..^4]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")] // 42
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")] // 44
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE=G")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDE-G")]
    public void Constructor_InvalidKey_ThrowsCryptoException(string? key) =>
        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(key!, JavaAppId));

    [Fact]
    public void Constructor_EmptyAppId_ThrowsCryptoException() =>
        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(SampleKey, ""));
}
