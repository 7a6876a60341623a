using SunshineBot.WeChat.Api;

namespace SunshineBot.WeChat.Tests.Api;

public sealed class WeChatApiClientFailureTests : ApiTestBase
{
    [Theory]
    [InlineData(45015, WeChatFailureKind.Permanent, true)] // outside the 48-hour window
    [InlineData(43004, WeChatFailureKind.Permanent, false)] // user does not follow
    [InlineData(40003, WeChatFailureKind.Permanent, false)] // bad OpenID
    [InlineData(43101, WeChatFailureKind.Permanent, false)] // user refused subscribe messages
    [InlineData(45047, WeChatFailureKind.Transient, false)] // too many messages without a user action
    [InlineData(-1, WeChatFailureKind.Transient, false)] // system busy
    [InlineData(45009, WeChatFailureKind.Transient, false)] // daily quota
    public async Task SendCustomText_WeChatError_IsClassified(int errcode, WeChatFailureKind kind, bool outsideWindow)
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.ScriptedErrors.Enqueue(errcode);

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_parent", "x"));

        Assert.Equal((errcode, kind, outsideWindow), (ex.ErrorCode, ex.Kind, ex.IsOutsideServiceWindow));
        Assert.Equal("/cgi-bin/message/custom/send", ex.Api);
        Assert.Contains($"scripted {errcode}", ex.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCustomText_PermanentError_IsNotRetried()
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.ScriptedErrors.Enqueue(45015);
        await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_parent", "x"));
        Assert.Single(Server.RequestsTo("/cgi-bin/message/custom/send"));
    }

    [Theory]
    [InlineData(502, WeChatFailureKind.Transient)]
    [InlineData(503, WeChatFailureKind.Transient)]
    [InlineData(429, WeChatFailureKind.Transient)]
    [InlineData(404, WeChatFailureKind.Permanent)]
    public async Task SendCustomText_HttpError_IsClassifiedByStatus(int status, WeChatFailureKind kind)
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.ForcedHttpStatus = status;

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_parent", "x"));

        Assert.Equal((status, kind, (int?)null), (ex.HttpStatus, ex.Kind, ex.ErrorCode));
    }

    [Fact]
    public async Task SendCustomText_ServerDown_IsTransientWithoutAnErrcode()
    {
        var downUrl = Server.BaseUrl.ToString();
        await Server.DisposeAsync();
        Server = await FakeWeChatServer.StartAsync(); // keeps DisposeAsync happy; the old port is closed

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Client(baseUrl: downUrl).SendCustomTextAsync("o_parent", "x"));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.ErrorCode);
    }

    [Fact]
    public async Task SendCustomText_ServerHangs_TimesOutAsTransient()
    {
        var client = Client(timeoutSeconds: 1);
        await client.GetAccessTokenAsync();
        Server.CallDelay = TimeSpan.FromMinutes(5);

        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_parent", "x"));

        Assert.True(ex.IsTransient);
        Assert.Contains("Timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCustomText_CallerCancels_PropagatesCancellationNotAFailure()
    {
        var client = Client(timeoutSeconds: 30);
        await client.GetAccessTokenAsync();
        Server.CallDelay = TimeSpan.FromMinutes(5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendCustomTextAsync("o_parent", "x", cts.Token));
    }

    [Theory]
    [InlineData(40001, true)]
    [InlineData(42001, true)]
    [InlineData(40014, true)]
    [InlineData(45015, false)]
    [InlineData(0, false)]
    public void IsTokenRejected_KnownCodes_AreRecognised(int code, bool expected) =>
        Assert.Equal(expected, WeChatErrorCodes.IsTokenRejected(code));
}
