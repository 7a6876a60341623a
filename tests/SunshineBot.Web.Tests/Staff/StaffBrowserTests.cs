using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;
using SunshineBot.Web.Chat;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The staff pages in Debian's Chromium at phone size (390×844), with screenshots in the test output; the parent's
/// web chat is open in a second phone and receives the approved reply.
/// </summary>
public sealed partial class StaffBrowserTests
{
    // Two shared cores build and render slowly: generous limits, never an assertion on time.
    private const float Wait = 60_000;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots", "staff");

    [ChromiumFact]
    public async Task FeeComplaint_DispatchReplyApprove_OnAPhone_ParentsChatShowsTheReply()
    {
        using var host = new StaffTestHost(kestrel: true, realNotifier: true);
        var stamps = Path.Combine(host.DataPath, "stamps");
        Directory.CreateDirectory(stamps);
        await File.WriteAllBytesAsync(Path.Combine(stamps, StaffTestHost.EastSchool + ".png"), Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        host.SetStamp(StaffTestHost.EastSchool);
        Directory.CreateDirectory(ScreenshotFolder);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath ?? ChromiumFactAttribute.DefaultPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // The parent opens the web chat; the fee complaint is filed under that phone's device identity.
        var parent = await NewPhoneAsync(browser, host);
        await parent.GotoAsync("/");
        await Expect(parent.Locator(".bubble", new() { HasTextString = "这里是教育阳光服务" }).Last).ToBeVisibleAsync(new() { Timeout = Wait });
        var ticket = await host.FileComplaintAsync(filedBy: await DeviceOfAsync(parent, host));

        var page = await NewPhoneAsync(browser, host);
        await LoginAsync(page, "admin", StaffTestHost.AdminPassword);
        await page.GetByText(ticket.Number).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/staff/tickets/{ticket.Number}$"), new() { Timeout = Wait });
        Assert.Contains("张**", await page.Locator("dl.fields").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "02-ticket-new");
        await page.Locator("form#dispatch select[name=unitCode]").SelectOptionAsync(StaffTestHost.EastSchool);
        await page.Locator("form#dispatch button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已交办至「东城区第一小学」", new() { Timeout = Wait });
        await Shot(page, "03-dispatched");
        await LogoutAsync(page);

        await LoginAsync(page, "east", StaffTestHost.Password);
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        await page.Locator("form#reply textarea[name=ReplyBody]").FillAsync(
            "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。");
        await Shot(page, "04-reply-template");
        await page.Locator("form#reply button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("答复已提交审核", new() { Timeout = Wait });
        await LogoutAsync(page);

        await LoginAsync(page, "leader", StaffTestHost.Password);
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        Assert.Contains("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", await page.Locator("pre.letter").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("form#approve button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("审核通过", new() { Timeout = Wait });
        await Shot(page, "05-approved");

        Assert.Equal(TicketStatus.Replied, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways at 390 px ({width} px wide)");

        // The parent's open chat receives the letter without a reload.
        var reply = parent.Locator(".msg.staff .bubble:not(.image)").Last;
        await Expect(reply).ToContainTextAsync("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", new() { Timeout = Wait });
        await Expect(reply).ToContainTextAsync(ticket.Number, new() { Timeout = Wait });
        await Expect(reply).ToContainTextAsync("全额退还", new() { Timeout = Wait });
        // Under the letter, the handling unit's stamp (served only to this parent).
        var stamp = parent.Locator(".msg.staff .bubble.image img").Last;
        await Expect(stamp).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.True(await stamp.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the stamp image loads");
        await parent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "06-parent-chat.png") });
    }

    private static async Task<IPage> NewPhoneAsync(IBrowser browser, StaffTestHost host)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            BaseURL = host.Address.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        page.SetDefaultNavigationTimeout(Wait);
        return page;
    }

    /// <summary>The web-chat device id the host gave this browser, read from its signed cookie as the host reads it.</summary>
    private static async Task<string> DeviceOfAsync(IPage page, StaffTestHost host)
    {
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == DeviceIdentity.CookieName);
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return host.App.Services.GetRequiredService<DeviceIdentity>().Read(http) ?? throw new InvalidOperationException("unreadable device cookie");
    }

    private static async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/staff/login");
        await page.Locator("input[name=UserName]").FillAsync(user);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        // Polls the address and then the heading: robust however the POST-redirect-GET and the load event interleave.
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"), new() { Timeout = Wait });
        await Expect(page.Locator("h1")).ToHaveTextAsync("工单队列", new() { Timeout = Wait });
        await Shot(page, $"01-queue-{user}");
    }

    private static async Task LogoutAsync(IPage page)
    {
        await page.Locator("form.logout button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff/login"), new() { Timeout = Wait });
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
