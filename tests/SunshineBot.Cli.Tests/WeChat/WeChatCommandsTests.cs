using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SunshineBot.Cli.WeChat;
using SunshineBot.WeChat.Tests.Api;

namespace SunshineBot.Cli.Tests.WeChat;

public sealed class WeChatCommandsTests
{
    [Fact]
    public void MenuPush_NoConfiguration_SaysSoInChineseAndExits2()
    {
        var (exit, _, error) = Run(new Dictionary<string, string?>());

        Assert.Equal(2, exit);
        Assert.Contains("没有公众号配置", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MenuPush_Configured_CreatesTheMenuAtTheApi()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        var (exit, output, error) = Run(new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "sunshineToken1",
            ["WeChat:AppId"] = FakeWeChatServer.AppId,
            ["WeChat:AppSecret"] = FakeWeChatServer.AppSecret,
            ["WeChat:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["WeChat:Menu:0:Name"] = "我要投诉",
            ["WeChat:Menu:0:Type"] = "click",
            ["WeChat:Menu:0:Key"] = "menu:complain",
            ["WeChat:Menu:1:Name"] = "查询进度",
            ["WeChat:Menu:1:Type"] = "click",
            ["WeChat:Menu:1:Key"] = "menu:track",
        });

        Assert.True(exit == 0, error);
        Assert.Contains("我要投诉", output, StringComparison.Ordinal);
        var request = Assert.Single(fake.RequestsTo("/cgi-bin/menu/create"));
        Assert.Contains("menu:complain", request.Body, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var root = new RootCommand { WeChatCommands.Create(() => configuration) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(["wechat", "menu", "push"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
