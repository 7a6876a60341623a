using Microsoft.Playwright;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>The staff pages in Debian's Chromium at phone size (390×844), with screenshots in the test output.</summary>
public sealed class StaffBrowserTests
{
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots", "staff");

    [ChromiumFact]
    public async Task FeeComplaint_DispatchReplyApprove_OnAPhone()
    {
        using var host = new StaffTestHost(kestrel: true);
        var stamps = Path.Combine(host.DataPath, "stamps");
        Directory.CreateDirectory(stamps);
        await File.WriteAllBytesAsync(Path.Combine(stamps, StaffTestHost.EastSchool + ".png"), Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        Directory.CreateDirectory(ScreenshotFolder);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath ?? ChromiumFactAttribute.DefaultPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            BaseURL = host.Address.ToString(),
        });
        var page = await context.NewPageAsync();

        await LoginAsync(page, "admin", StaffTestHost.AdminPassword);
        await page.GetByText(ticket.Number).ClickAsync();
        await page.WaitForURLAsync($"**/staff/tickets/{ticket.Number}");
        Assert.Contains("张**", await page.Locator("dl.fields").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "02-ticket-new");
        await page.Locator("form#dispatch select[name=unitCode]").SelectOptionAsync(StaffTestHost.EastSchool);
        await page.Locator("form#dispatch button[type=submit]").ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        await Shot(page, "03-dispatched");
        await LogoutAsync(page);

        await LoginAsync(page, "east", StaffTestHost.Password);
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        await page.Locator("form#reply textarea[name=ReplyBody]").FillAsync(
            "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。");
        await Shot(page, "04-reply-template");
        await page.Locator("form#reply button[type=submit]").ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        await LogoutAsync(page);

        await LoginAsync(page, "leader", StaffTestHost.Password);
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        Assert.Contains("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", await page.Locator("pre.letter").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("form#approve button[type=submit]").ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        await Shot(page, "05-approved");

        Assert.Equal(TicketStatus.Replied, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
        Assert.Equal([ticket.Number], host.Notifier.Published);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways at 390 px ({width} px wide)");
        await context.CloseAsync();
    }

    private static async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/staff/login");
        await page.Locator("input[name=UserName]").FillAsync(user);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/staff");
        await Shot(page, $"01-queue-{user}");
    }

    private static async Task LogoutAsync(IPage page)
    {
        await page.Locator("form.logout button").ClickAsync();
        await page.WaitForURLAsync("**/staff/login");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
