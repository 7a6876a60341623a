using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SunshineBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>The supervisors' dashboard in Debian's Chromium at phone size: pick a period, drill into a lost point, print.</summary>
public sealed class StaffReportsBrowserTests
{
    private const float Wait = 60_000;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots", "reports");

    [ChromiumFact]
    public async Task Dashboard_PickMonthAndClickALostPointsTicket_OpensTheTicket()
    {
        var (host, east, _) = await StaffReportsPageTests.TwoLateComplaintsAsync(kestrel: true);
        using var _ = host;
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
        page.SetDefaultTimeout(Wait);
        page.SetDefaultNavigationTimeout(Wait);
        // Every stylesheet and script the pages ask for loads (the browser's own favicon request aside).
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };

        await page.GotoAsync("/staff/login");
        await page.Locator("input[name=UserName]").FillAsync("leader");
        await page.Locator("input[name=Password]").FillAsync(StaffTestHost.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"), new() { Timeout = Wait });
        await page.Locator("header.top nav a", new() { HasTextString = "报表" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("报表与评分", new() { Timeout = Wait });

        // The period picker: March 2026, by month.
        await page.Locator("#picker select[name=kind]").SelectOptionAsync("month");
        await page.Locator("#picker input[name=year]").FillAsync("2026");
        await page.Locator("#picker select[name=month]").SelectOptionAsync("3");
        await page.Locator("#picker button[type=submit]").ClickAsync();
        await Expect(page.Locator(".periods b")).ToContainTextAsync("2026年3月", new() { Timeout = Wait });
        await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync(new() { Timeout = Wait });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "01-dashboard.png"), FullPage = true });
        foreach (var part in new[] { "charts", "ranking", "sheet" })
        {
            await page.Locator($"#{part}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"01-dashboard-{part}.png") });
        }

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the dashboard scrolls sideways at 390 px ({width} px wide)");

        // Drill down: the lost points of 一.1 name the unanswered ticket; its number opens the ticket.
        var deduction = page.Locator("#sheet tr.deduction", new() { HasTextString = "期末仍未办理回复" });
        await deduction.Locator("a.all").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("失分明细", new() { Timeout = Wait });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "02-lost.png"), FullPage = true });
        await page.Locator($"a.no[href='/staff/tickets/{east.Number}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/staff/tickets/{east.Number}$"), new() { Timeout = Wait });
        await Expect(page.Locator("h1")).ToContainTextAsync(east.Number, new() { Timeout = Wait });

        // The printable sheet, as the printer sees it.
        await page.GotoAsync($"/staff/reports/sheet?kind=month&year=2026&month=3&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync(new() { Timeout = Wait });
        await Expect(page.Locator(".sheet")).ToContainTextAsync(east.Number, new() { Timeout = Wait });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "03-sheet-print.png"), FullPage = true });
        Assert.Empty(failed);
    }
}
