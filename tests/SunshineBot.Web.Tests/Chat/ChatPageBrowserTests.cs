using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SunshineBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Chat;

/// <summary>
/// The parent's web chat in Debian's Chromium at 390×844: a fee question answered with its source, a fee complaint
/// filed with a photo, and a staff reply arriving without reload. Screenshots go to screenshots/chat in the output.
/// </summary>
public sealed partial class ChatPageBrowserTests : IAsyncLifetime
{
    private ChatBrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        _host = await ChatBrowserHost.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [ChromiumFact]
    public async Task Parent_AsksFilesAndHearsBack_WithoutReload()
    {
        var page = await _host.NewParentAsync();
        await page.GotoAsync("/");
        await Expect(Bubble(page, "这里是教育阳光服务")).ToBeVisibleAsync();
        Assert.True(await FirstLoadBytesAsync(page) < 100 * 1024);
        await ChatBrowserHost.ScreenshotAsync(page, "01-welcome");

        // A fee question in the parent's own words: answered with its source, then feedback.
        await TypeAsync(page, "老师让全班买练习册 不买不行吗");
        await Expect(page.Locator(".mine .bubble").Last).ToHaveTextAsync("老师让全班买练习册 不买不行吗");
        await Expect(Bubble(page, "依据：")).ToBeVisibleAsync();
        await Expect(Bubble(page, "这个回答解决您的问题了吗")).ToBeVisibleAsync();
        await ChatBrowserHost.ScreenshotAsync(page, "02-cited-answer");
        await TapAsync(page, "解决了");
        await Expect(Bubble(page, "很高兴能帮到您")).ToBeVisibleAsync();
        await Expect(page.Locator(".choices")).ToHaveCountAsync(0);

        // A fee complaint through the menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "主菜单", Exact = true }).ClickAsync();
        await TapAsync(page, "我要投诉");
        await Expect(Bubble(page, "是哪所学校")).ToBeVisibleAsync();
        await TypeAsync(page, "小学");
        await Expect(Bubble(page, "找到几所名字相近的")).ToBeVisibleAsync();
        await ChatBrowserHost.ScreenshotAsync(page, "03-school-candidates");
        await TapAsync(page, "东城区第一小学");
        await Expect(Bubble(page, "是关于哪方面的")).ToBeVisibleAsync();
        await TapAsync(page, "教辅资料");
        await Expect(Bubble(page, "请把情况说一说")).ToBeVisibleAsync();
        await TypeAsync(page, "三年级二班班主任在家长群里通知，每人必须买120元的练习册，\n不买就不让参加期中考试。");
        await Expect(Bubble(page, "涉及多少钱")).ToBeVisibleAsync();
        await TypeAsync(page, "120元");
        await Expect(Bubble(page, "大概是哪天")).ToBeVisibleAsync();
        await TypeAsync(page, "昨天");
        await Expect(Bubble(page, "有收据、缴费通知")).ToBeVisibleAsync();

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "收据.png", MimeType = "image/png", Buffer = ChatBrowserHost.ReceiptPng() });
        await Expect(Bubble(page, "收到第1张")).ToBeVisibleAsync();
        var photo = page.Locator(".mine .bubble.image img").Last;
        await Expect(photo).ToHaveAttributeAsync("src", new Regex("^/api/chat/files/chat/"));
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 180"));
        await ChatBrowserHost.ScreenshotAsync(page, "04-photo");
        await TapAsync(page, "完成");
        await Expect(Bubble(page, "需要为您保密吗")).ToBeVisibleAsync();
        await TapAsync(page, "不用保密");
        await Expect(Bubble(page, "请问怎么称呼您")).ToBeVisibleAsync();
        await TypeAsync(page, "王女士");
        await Expect(Bubble(page, "请留一个手机号")).ToBeVisibleAsync();
        await TypeAsync(page, "13812345678");
        await Expect(Bubble(page, "请核对一下")).ToContainTextAsync("照片：1张");
        await ChatBrowserHost.ScreenshotAsync(page, "05-confirm");
        await TapAsync(page, "确认提交");

        var filed = Bubble(page, "已受理");
        await Expect(filed).ToContainTextAsync(new Regex(@"工单号：YG\d{8}-\d+"));
        await Expect(filed).ToContainTextAsync(new Regex(@"我们会在 \d+月\d+日（星期.） 前给您答复"));
        await ChatBrowserHost.ScreenshotAsync(page, "06-ticket-filed");
        var number = TicketNumber().Match(await filed.InnerTextAsync()).Value;

        // A staff reply published through the domain shows up in the open page, with no reload.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await _host.PublishReplyAsync(number, "YGS-DC-001", "经核实，该班已停止统一征订练习册，并已向全班家长说明教辅资料自愿购买。");
        var reply = page.Locator(".msg.staff").Last;
        await Expect(reply.Locator(".bubble")).ToContainTextAsync("已停止统一征订练习册");
        await Expect(reply.Locator(".tag")).ToHaveTextAsync("工作人员答复");
        await Expect(reply.Locator(".bubble")).ToContainTextAsync(number);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await ChatBrowserHost.ScreenshotAsync(page, "07-staff-reply");

        // The same conversation after a reload, on the small phone and on a desktop.
        await page.SetViewportSizeAsync(360, 640);
        await page.ReloadAsync();
        await Expect(Bubble(page, "已停止统一征订练习册")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator(".mine .bubble", new() { HasTextString = "老师让全班买练习册 不买不行吗" }).CountAsync());
        await ChatBrowserHost.ScreenshotAsync(page, "08-history-360x640");
        await page.SetViewportSizeAsync(1280, 800);
        await ChatBrowserHost.ScreenshotAsync(page, "09-desktop");
    }

    [ChromiumFact]
    public async Task Send_NetworkFails_KeepsTheTextAndRetriesWithTheSameId()
    {
        var page = await _host.NewParentAsync();
        var posted = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/chat/send", StringComparison.Ordinal))
            {
                lock (posted)
                {
                    posted.Add(request.PostData ?? "");
                }
            }
        };
        await page.GotoAsync("/");
        await Expect(Bubble(page, "这里是教育阳光服务")).ToBeVisibleAsync();

        await page.RouteAsync("**/api/chat/send", route => route.AbortAsync());
        await TypeAsync(page, "校服必须在学校买吗");
        await Expect(page.Locator("#toast")).ToContainTextAsync("网络不太稳定");
        await Expect(page.Locator("#text")).ToHaveValueAsync("校服必须在学校买吗");
        await Expect(page.Locator(".mine")).ToHaveCountAsync(0);
        await ChatBrowserHost.ScreenshotAsync(page, "10-network-error");

        await Expect(page.Locator(".choices button")).ToHaveCountAsync(7);

        // Sent again once the network is back (slowly, so the typing dots show): the same id, one message.
        await page.UnrouteAsync("**/api/chat/send");
        await page.RouteAsync("**/api/chat/send", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.Locator("#text").PressAsync("Enter");
        await Expect(page.Locator(".msg.typing")).ToBeVisibleAsync();
        await Expect(page.Locator("#text")).ToHaveValueAsync("");
        await ChatBrowserHost.ScreenshotAsync(page, "11-typing");
        await Expect(page.Locator(".mine .bubble")).ToHaveTextAsync("校服必须在学校买吗");
        await Expect(page.Locator(".mine:not(.pending)")).ToHaveCountAsync(1);
        await Expect(page.Locator(".msg.typing")).ToHaveCountAsync(0);
        string[] ids;
        lock (posted)
        {
            ids = posted.Select(p => ClientId().Match(p).Groups[1].Value).Distinct().ToArray();
        }

        Assert.Single(ids);
    }

    [ChromiumFact]
    public async Task Page_MarkupAndBadImages_ShownAsTextAndRefusedPolitely()
    {
        var page = await _host.NewParentAsync();
        await page.GotoAsync("/");
        await Expect(Bubble(page, "这里是教育阳光服务")).ToBeVisibleAsync();

        const string markup = "<img src=x onerror=\"window.__xss=1\">学校收费<b>合理吗</b>";
        await TypeAsync(page, markup);
        await Expect(page.Locator(".mine .bubble").Last).ToHaveTextAsync(markup);
        Assert.Equal(0, await page.Locator(".mine .bubble img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = "not really a picture"u8.ToArray() });
        await Expect(page.Locator("#toast")).ToHaveTextAsync("只能上传 JPG、PNG 或 WebP 格式的图片。");
        await Expect(page.Locator(".mine .bubble.image")).ToHaveCountAsync(0);
        await ChatBrowserHost.ScreenshotAsync(page, "12-bad-image");
    }

    [ChromiumFact]
    public async Task WeChatTemplateLink_OpensTheParentsWeChatConversationAndDropsTheToken()
    {
        const string openId = "oBrowserLink0000000000000001";
        string number;
        using (var scope = _host.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var ticket = await sp.GetRequiredService<Web.Tickets.FileTicket>().RunAsync(new Core.Tickets.TicketIntake
            {
                Kind = Core.Tickets.TicketKind.Complaint, Channel = Core.Tickets.Channel.WeChat, Category = Core.Tickets.TicketCategory.Uniforms,
                Description = "学校强制统一订购校服", VisitorPhone = "13812345678", FiledBy = openId,
            }, new Core.Tickets.Actor("parent:" + openId, "家长"));
            number = ticket.Number;
        }

        await _host.PublishReplyAsync(number, "YGS-DC-001", "经核查，学校已停止统一订购校服，已收费用全部退还。");
        var url = _host.Services.GetRequiredService<Web.Chat.ChatLinks>().UrlFor(new Uri(_host.BaseAddress, "/?from=template").ToString(), new SunshineBot.Core.Parents.ParentAddress(SunshineBot.Core.Parents.ParentChannel.WeChat, openId));
        var page = await _host.NewParentAsync();

        await page.GotoAsync(url);

        await Expect(Bubble(page, "已收费用全部退还")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?from=template$"));
        await ChatBrowserHost.ScreenshotAsync(page, "13-wechat-link");

        var broken = await _host.NewParentAsync();
        await broken.GotoAsync("/?wx=broken-token");
        await Expect(broken.Locator("#toast")).ToContainTextAsync("链接已过期");
        await Expect(Bubble(broken, "这里是教育阳光服务")).ToBeVisibleAsync();
    }

    private static ILocator Bubble(IPage page, string text) => page.Locator(".bubble", new() { HasTextString = text }).Last;

    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#text").PressAsync("Enter");
    }

    private static async Task TapAsync(IPage page, string label) =>
        await page.Locator(".choices").Last.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();

    /// <summary>Bytes transferred for the page itself (document, CSS, script), as the browser counted them.</summary>
    private static async Task<long> FirstLoadBytesAsync(IPage page) => await page.EvaluateAsync<long>(
        """
        () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .filter(e => !e.name.includes('/api/'))
            .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)
        """);

    [GeneratedRegex(@"YG\d{8}-\d+")]
    private static partial Regex TicketNumber();

    [GeneratedRegex("\"clientId\":\"([^\"]+)\"")]
    private static partial Regex ClientId();
}
