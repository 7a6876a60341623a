using SunshineBot.WeChat.Security;
using static SunshineBot.WeChat.Tests.OfficialVectors;

namespace SunshineBot.WeChat.Tests.Security;

public sealed class WeChatSignatureTests
{
    [Fact]
    public void ComputeUrlSignature_MessagePushDocExample_MatchesPublishedSignature() =>
        Assert.Equal(PushSignature, WeChatSignature.ComputeUrlSignature(PushToken, PushTimestamp, PushNonce));

    [Fact]
    public void ComputeUrlSignature_EncryptionDocPlainModeExample_MatchesPublishedSignature() =>
        Assert.Equal(PlainModeSignature, WeChatSignature.ComputeUrlSignature(PushToken, PlainModeTimestamp, PlainModeNonce));

    [Fact]
    public void ComputeMessageSignature_ThirdPartyDocInboundExample_MatchesPublishedSignature() =>
        Assert.Equal(DocMsgSignature, WeChatSignature.ComputeMessageSignature(PushToken, DocTimestamp, DocNonce, DocEncrypt));

    [Fact]
    public void ComputeMessageSignature_ThirdPartyDocReplyExample_MatchesPublishedSignature() =>
        Assert.Equal(DocReplySignature, WeChatSignature.ComputeMessageSignature(PushToken, DocReplyTimestamp, DocReplyNonce, DocReplyEncrypt));

    [Fact]
    public void ComputeMessageSignature_PythonSampleDecryptExample_MatchesPublishedSignature() =>
        Assert.Equal(PythonMsgSignature, WeChatSignature.ComputeMessageSignature(PythonToken, PythonTimestamp, PythonNonce, PythonEncrypt));

    [Fact]
    public void ComputeUrlSignature_ArgumentOrder_DoesNotMatter()
    {
        // The parts are sorted before hashing, so WeChat's order and ours need not agree.
        var a = WeChatSignature.ComputeUrlSignature(PushToken, PushTimestamp, PushNonce);
        var b = WeChatSignature.ComputeUrlSignature(PushNonce, PushToken, PushTimestamp);
        Assert.Equal(a, b);
    }

    [Fact]
    public void VerifyUrlSignature_PublishedExample_IsAccepted() =>
        Assert.True(WeChatSignature.VerifyUrlSignature(PushToken, PushTimestamp, PushNonce, PushSignature));

    [Fact]
    public void VerifyUrlSignature_UpperCaseHex_IsAccepted() =>
        Assert.True(WeChatSignature.VerifyUrlSignature(PushToken, PushTimestamp, PushNonce, PushSignature.ToUpperInvariant()));

    [Theory]
    [InlineData("f464b24fc39322e44b38aa78f5edd27bd1441697")] // last digit changed
    [InlineData("f464b24fc39322e44b38aa78f5edd27bd144169")] // one short
    [InlineData("")]
    [InlineData(null)]
    public void VerifyUrlSignature_WrongSignature_IsRefused(string? signature) =>
        Assert.False(WeChatSignature.VerifyUrlSignature(PushToken, PushTimestamp, PushNonce, signature));

    [Fact]
    public void VerifyUrlSignature_WrongToken_IsRefused() =>
        Assert.False(WeChatSignature.VerifyUrlSignature("BBBBB", PushTimestamp, PushNonce, PushSignature));

    [Fact]
    public void VerifyUrlSignature_MissingTimestampOrNonce_IsRefused()
    {
        Assert.False(WeChatSignature.VerifyUrlSignature(PushToken, null, PushNonce, PushSignature));
        Assert.False(WeChatSignature.VerifyUrlSignature(PushToken, PushTimestamp, null, PushSignature));
    }

    [Fact]
    public void VerifyMessageSignature_CiphertextChanged_IsRefused()
    {
        var tampered = "E" + DocEncrypt[1..];
        Assert.True(WeChatSignature.VerifyMessageSignature(PushToken, DocTimestamp, DocNonce, DocEncrypt, DocMsgSignature));
        Assert.False(WeChatSignature.VerifyMessageSignature(PushToken, DocTimestamp, DocNonce, tampered, DocMsgSignature));
    }

    [Fact]
    public void VerifyMessageSignature_UrlSignatureInPlaceOfMsgSignature_IsRefused()
    {
        // The doc's example request also carries signature=cc0c59…; it must not pass as msg_signature.
        Assert.False(WeChatSignature.VerifyMessageSignature(
            PushToken, DocTimestamp, DocNonce, DocEncrypt, "cc0c594499c1634947d5b502f158ee518947db27"));
    }
}
