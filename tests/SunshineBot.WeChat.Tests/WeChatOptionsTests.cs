namespace SunshineBot.WeChat.Tests;

public sealed class WeChatOptionsTests
{
    private static WeChatOptions Valid() => new()
    {
        Token = "sunshine2026",
        AppId = "wx0123456789abcdef",
        AppSecret = "secret",
        EncodingAESKey = OfficialVectors.SampleKey,
        Mode = WeChatMode.Safe,
    };

    [Fact]
    public void Validate_NothingConfigured_IsValidAndOff()
    {
        var options = new WeChatOptions();
        Assert.Empty(options.Validate());
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Validate_CompleteSafeModeConfiguration_IsValidAndOn()
    {
        var options = Valid();
        Assert.Empty(options.Validate());
        Assert.True(options.IsConfigured);
        Assert.Equal(300, options.TimestampWindowSeconds);
        Assert.Equal("https://api.weixin.qq.com", options.ApiBaseUrl);
    }

    [Fact]
    public void Validate_HalfConfigured_ListsEveryMissingPiece()
    {
        var problems = new WeChatOptions { Token = "abc" }.Validate();
        Assert.Contains(problems, p => p.Contains("AppId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AppSecret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!")]
    [InlineData("")]
    public void Validate_SafeModeWithBadKey_ReportsTheKey(string key)
    {
        var options = Valid();
        options.EncodingAESKey = key;
        Assert.Contains(options.Validate(), p => p.Contains("EncodingAESKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlainModeWithoutKey_IsValid()
    {
        var options = Valid();
        options.Mode = WeChatMode.Plain;
        options.EncodingAESKey = null;
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("a-token-with-dashes")]
    public void Validate_BadToken_IsReported(string token)
    {
        var options = Valid();
        options.Token = token;
        Assert.Contains(options.Validate(), p => p.Contains("Token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://api.example")]
    public void Validate_BadApiBaseUrl_IsReported(string url)
    {
        var options = Valid();
        options.ApiBaseUrl = url;
        Assert.Contains(options.Validate(), p => p.Contains("ApiBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NonPositiveWindow_IsReported()
    {
        var options = Valid();
        options.TimestampWindowSeconds = 0;
        Assert.Contains(options.Validate(), p => p.Contains("TimestampWindowSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MenuBreakingLimits_ListsEachProblem()
    {
        var options = Valid();
        options.Menu =
        [
            new WeChatMenuButton { Name = "咨询", Type = "click", Key = "CONSULT" },
            new WeChatMenuButton { Name = "办事", SubButtons = [.. Enumerable.Range(0, 6).Select(i => new WeChatMenuButton { Name = $"b{i}", Type = "click", Key = $"K{i}" })] },
            new WeChatMenuButton { Name = "这个按钮名字实在太长了", Type = "view", Url = "https://x.example" },
            new WeChatMenuButton { Name = "第四个", Type = "click", Key = "X" },
        ];
        var problems = options.Validate();
        Assert.Contains(problems, p => p.Contains("at most 3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at most 5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Menu:2:Name", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateMenu_ButtonsWithoutActions_AreReported()
    {
        var problems = WeChatMenuButton.ValidateMenu(
        [
            new WeChatMenuButton { Name = "a", Type = "click" },
            new WeChatMenuButton { Name = "b", Type = "view", Url = "relative/path" },
            new WeChatMenuButton { Name = "c", Type = "scancode_push" },
        ]);
        Assert.Equal(3, problems.Count);
    }
}
