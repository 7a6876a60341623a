using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SunshineBot.WeChat;
using SunshineBot.WeChat.Api;

namespace SunshineBot.Cli.WeChat;

/// <summary><c>sunshinebot wechat menu push</c>: creates the Official Account's custom menu from <c>WeChat:Menu</c>.</summary>
public static class WeChatCommands
{
    /// <summary>The command; <paramref name="configuration"/> replaces the usual files and environment (tests).</summary>
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        var push = new Command("push", "按配置（WeChat:Menu）创建公众号自定义菜单");
        push.SetAction(async (r, ct) =>
        {
            var output = r.InvocationConfiguration.Output;
            var error = r.InvocationConfiguration.Error;
            var options = (configuration ?? (() => CliConfiguration.Build()))().GetSection("WeChat").Get<WeChatOptions>() ?? new WeChatOptions();
            if (!options.IsConfigured || options.Menu.Count == 0)
            {
                error.WriteLine("没有公众号配置：请先设置 WeChat:Token、WeChat:AppId、WeChat:AppSecret 和 WeChat:Menu（菜单按钮）。");
                return 2;
            }

            var problems = options.Validate();
            if (problems.Count > 0)
            {
                error.WriteLine("公众号配置有误：" + string.Join(" ", problems));
                return 2;
            }

            using var http = new HttpClient();
            var api = new WeChatApiClient(http, options, new WeChatAccessTokenCache(TimeProvider.System), TimeProvider.System);
            try
            {
                await api.CreateMenuAsync(options.Menu, ct);
            }
            catch (WeChatApiException e)
            {
                error.WriteLine($"微信接口拒绝了菜单：{e.Message}");
                return 1;
            }

            output.WriteLine($"已创建自定义菜单：{string.Join("、", options.Menu.Select(b => b.Name))}。");
            return 0;
        });
        return new Command("wechat", "微信公众号") { new Command("menu", "自定义菜单") { push } };
    }
}
