using System.Text.Json;
using SunshineBot.WeChat.Api;

namespace SunshineBot.WeChat.Tests.Api;

public sealed class WeChatApiClientCallsTests : ApiTestBase
{
    private JsonElement LastBody(string path) =>
        JsonDocument.Parse(Server.RequestsTo(path).Last(r => r.Accepted).Body).RootElement;

    [Fact]
    public async Task SendCustomText_PostsTouserMsgtypeAndContentAsRawUtf8()
    {
        await Client().SendCustomTextAsync("o_parent", "您的工单已受理 <b>&");

        var raw = Server.RequestsTo("/cgi-bin/message/custom/send").Single().Body;
        Assert.Contains("您的工单已受理", raw, StringComparison.Ordinal); // not \uXXXX, which WeChat refuses on some APIs
        var body = LastBody("/cgi-bin/message/custom/send");
        Assert.Equal("o_parent", body.GetProperty("touser").GetString());
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.Equal("您的工单已受理 <b>&", body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task SendCustomImage_PostsTheMediaId()
    {
        await Client().SendCustomImageAsync("o_parent", "media-7");
        var body = LastBody("/cgi-bin/message/custom/send");
        Assert.Equal("image", body.GetProperty("msgtype").GetString());
        Assert.Equal("media-7", body.GetProperty("image").GetProperty("media_id").GetString());
    }

    [Fact]
    public async Task SendTemplateMessage_PostsDataAndUrl_ReturnsMsgId()
    {
        var message = new WeChatTemplateMessage("o_parent", "TPL-1", new Dictionary<string, string>
        {
            ["keyword1"] = "2026-0001",
            ["keyword2"] = "已办结",
        })
        { Url = "https://bot.example/chat?t=abc", ClientMessageId = "outbox-42" };

        var msgId = await Client().SendTemplateMessageAsync(message);

        Assert.Equal(200228332, msgId);
        var body = LastBody("/cgi-bin/message/template/send");
        Assert.Equal("TPL-1", body.GetProperty("template_id").GetString());
        Assert.Equal("https://bot.example/chat?t=abc", body.GetProperty("url").GetString());
        Assert.Equal("outbox-42", body.GetProperty("client_msg_id").GetString());
        Assert.Equal("已办结", body.GetProperty("data").GetProperty("keyword2").GetProperty("value").GetString());
    }

    [Fact]
    public async Task SendSubscribeMessage_PostsToBizsendWithPage()
    {
        var message = new WeChatSubscribeMessage("o_parent", "SUB-1", new Dictionary<string, string> { ["thing1"] = "请评价办理结果" })
        { Page = "https://bot.example/revisit/1" };

        await Client().SendSubscribeMessageAsync(message);

        var body = LastBody("/cgi-bin/message/subscribe/bizsend");
        Assert.Equal(("o_parent", "SUB-1"), (body.GetProperty("touser").GetString(), body.GetProperty("template_id").GetString()));
        Assert.Equal("https://bot.example/revisit/1", body.GetProperty("page").GetString());
        Assert.Equal("请评价办理结果", body.GetProperty("data").GetProperty("thing1").GetProperty("value").GetString());
    }

    [Fact]
    public async Task CreateMenu_PostsButtonsAndSubButtonsInWeChatsShape()
    {
        List<WeChatMenuButton> menu =
        [
            new() { Name = "我要投诉", Type = "click", Key = "COMPLAIN" },
            new()
            {
                Name = "服务",
                SubButtons =
                [
                    new() { Name = "查进度", Type = "click", Key = "TRACK" },
                    new() { Name = "网页版", Type = "view", Url = "https://bot.example/chat" },
                ],
            },
        ];

        await Client().CreateMenuAsync(menu);

        var raw = Server.RequestsTo("/cgi-bin/menu/create").Single().Body;
        Assert.Contains("我要投诉", raw, StringComparison.Ordinal);
        var buttons = JsonDocument.Parse(raw).RootElement.GetProperty("button");
        Assert.Equal(2, buttons.GetArrayLength());
        Assert.Equal(("click", "COMPLAIN"), (buttons[0].GetProperty("type").GetString(), buttons[0].GetProperty("key").GetString()));
        var subs = buttons[1].GetProperty("sub_button");
        Assert.False(buttons[1].TryGetProperty("type", out _));
        Assert.Equal("https://bot.example/chat", subs[1].GetProperty("url").GetString());
        Assert.False(subs[1].TryGetProperty("key", out _));
    }

    [Fact]
    public async Task CreateMenu_InvalidMenu_ThrowsWithoutCallingWeChat()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateMenuAsync([new WeChatMenuButton { Name = "x", Type = "click" }]));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().CreateMenuAsync([]));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task DownloadMedia_ExistingMedia_ReturnsBytesTypeAndName()
    {
        var media = await Client().DownloadMediaAsync("media-1");
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }, media.Content);
        Assert.Equal(("image/jpeg", "receipt.jpg"), (media.ContentType, media.FileName));
    }

    [Fact]
    public async Task DownloadMedia_UnknownMedia_IsAPermanentFailureWithWeChatsCode()
    {
        var ex = await Assert.ThrowsAsync<WeChatApiException>(() => Client().DownloadMediaAsync("expired"));
        Assert.Equal((40007, WeChatFailureKind.Permanent), (ex.ErrorCode, ex.Kind));
    }

    [Fact]
    public async Task DownloadMedia_TokenRejected_RefreshesAndRetries()
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.RevokeToken();
        var media = await client.DownloadMediaAsync("media-1");
        Assert.Equal(7, media.Content.Length);
        Assert.Equal(2, Server.TokenFetches);
    }

    [Fact]
    public async Task UploadImage_SendsTheFileAsMultipartMedia_ReturnsMediaId()
    {
        var mediaId = await Client().UploadImageAsync(new byte[1234], "stamp.png", "image/png");
        Assert.Equal("uploaded-1234-image/png", mediaId);
    }

    [Fact]
    public async Task UploadImage_TokenRejected_RebuildsTheFormForTheRetry()
    {
        var client = Client();
        await client.GetAccessTokenAsync();
        Server.RevokeToken();
        Assert.Equal("uploaded-10-image/jpeg", await client.UploadImageAsync(new byte[10], "a.jpg", "image/jpeg"));
    }

    [Fact]
    public async Task UploadImage_SendsTheBytesNameAndType_AsTheFormFileMedia()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        var mediaId = await Client().UploadImageAsync(png, "stamp.png", "image/png");

        var upload = Assert.Single(Server.Uploads);
        Assert.Equal((mediaId, "stamp.png", "image/png"), (upload.MediaId, upload.FileName, upload.ContentType));
        Assert.Equal(png, upload.Content);
    }

    [Theory]
    [InlineData("image/webp", 100)]
    [InlineData("image/bmp", 100)]
    [InlineData("image/png", 0)]
    [InlineData("image/jpeg", WeChatApiClient.MaxImageUploadBytes + 1)]
    public async Task UploadImage_NotAnImageWeChatTakes_FailsPermanentlyWithoutACall(string contentType, int length)
    {
        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Client().UploadImageAsync(new byte[length], "a.img", contentType));

        Assert.Equal((WeChatFailureKind.Permanent, "/cgi-bin/media/upload"), (error.Kind, error.Api));
        Assert.Empty(Server.Requests);
        Assert.Equal(0, Server.TokenFetches);
    }

    [Fact]
    public async Task UploadImage_RefusedByWeChat_IsAPermanentFailureWithItsErrcode()
    {
        Server.ScriptErrorsOn("/cgi-bin/media/upload", 40009);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Client().UploadImageAsync(new byte[10], "a.jpg", "image/jpeg"));

        Assert.Equal((40009, WeChatFailureKind.Permanent), (error.ErrorCode, error.Kind));
        Assert.Empty(Server.Uploads);
    }

    [Fact]
    public async Task UploadImage_Busy_IsTransient()
    {
        Server.ScriptErrorsOn("/cgi-bin/media/upload", WeChatErrorCodes.SystemBusy);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Client().UploadImageAsync(new byte[10], "a.gif", "image/gif"));

        Assert.Equal(WeChatFailureKind.Transient, error.Kind);
    }
}
