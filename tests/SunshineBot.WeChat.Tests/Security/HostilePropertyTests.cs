using FsCheck;
using FsCheck.Fluent;
using SunshineBot.WeChat.Crypto;
using SunshineBot.WeChat.Messages;

namespace SunshineBot.WeChat.Tests.Security;

/// <summary>
/// FsCheck throws 10,000 generated hostile inputs at the XML parser and the message crypto: the only failures are
/// the documented refusals (<see cref="WeChatXmlException"/>, <see cref="WeChatCryptoException"/>), never anything else.
/// </summary>
public sealed class HostilePropertyTests
{
    public const int Runs = 10_000;
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wx1234567890abcdef";

    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(Runs);

    [Fact]
    public void MessageParser_HostileXml_ParsesOrRefusesNeverThrowsAnythingElse()
    {
        var property = Prop.ForAll(HostileXmlGen.Xml.ToArbitrary(), xml =>
        {
            try
            {
                var message = WeChatMessageParser.Parse(xml, 4096);
                return message is not null;
            }
            catch (WeChatXmlException)
            {
                return true;
            }
        });
        Check.One(Many, property);
    }

    [Fact]
    public void EnvelopeParser_HostileXml_ParsesOrRefuses()
    {
        var property = Prop.ForAll(HostileXmlGen.Xml.ToArbitrary(), xml =>
        {
            try
            {
                return WeChatEncryptedEnvelope.Parse(xml, 4096) is not null;
            }
            catch (WeChatXmlException)
            {
                return true;
            }
        });
        Check.One(Many, property);
    }

    [Fact]
    public void Decrypt_HostileCiphertext_RefusesWithCryptoExceptionOnly()
    {
        var crypto = new WeChatMessageCrypto(AesKey, AppId);
        var property = Prop.ForAll(HostileCiphertext(crypto).ToArbitrary(), encrypt =>
        {
            try
            {
                crypto.Decrypt(encrypt);
                return true;
            }
            catch (WeChatCryptoException)
            {
                return true;
            }
        });
        Check.One(Many, property);
    }

    [Fact]
    public void EncryptDecrypt_AnyText_RoundTripsAndATamperedCopyNeverOpensToTheOriginal()
    {
        var crypto = new WeChatMessageCrypto(AesKey, AppId);
        var texts = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !HasLoneSurrogate(s));
        var property = Prop.ForAll(Gen.Zip(texts, Gen.Choose(0, 1000)).ToArbitrary(), pair =>
        {
            var (text, position) = pair;
            var encrypt = crypto.Encrypt(text);
            if (crypto.Decrypt(encrypt) != text)
            {
                return false;
            }

            var bytes = Convert.FromBase64String(encrypt);
            bytes[position % bytes.Length] ^= 0x5A;
            try
            {
                return crypto.Decrypt(Convert.ToBase64String(bytes)) != text;
            }
            catch (WeChatCryptoException)
            {
                return true;
            }
        });
        Check.One(Many, property);
    }

    private static Gen<string> HostileCiphertext(WeChatMessageCrypto crypto) => Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => Convert.ToBase64String(b ?? [])),
        Gen.Choose(1, 64).Select(blocks => Convert.ToBase64String(new byte[blocks * 16])),
        ArbMap.Default.GeneratorFor<string>().Select(s => crypto.Encrypt(s ?? "")[..^4] + "===="),
        Gen.Elements("", "=", "====", "AAAA", "!!!!", "\u4e2d\u6587", new string('A', 100_000)));

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1])))
            {
                return true;
            }

            if (char.IsHighSurrogate(s[i]))
            {
                i++;
            }
        }

        return false;
    }
}
