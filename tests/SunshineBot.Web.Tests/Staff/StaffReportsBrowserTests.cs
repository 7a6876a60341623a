using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SunshineBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>The supervisors' dashboard in Debian's Chromium at phone size: pick a period, drill into a lost point, print.</summary>
public sealed class StaffReportsBrowserTests
{
    private const float Wait = PhoneBrowser.Wait;

    [ChromiumFact]
    public async Task Dashboard_PickMonthAndClickALostPointsTicket_OpensTheTicket()
    {
        var (host, east, _) = await StaffReportsPageTests.TwoLateComplaintsAsync(kestrel: true);
        using var _ = host;
        await using var phones = await PhoneBrowser.LaunchAsync(host.Address, "reports");
        var page = await phones.NewPhoneAsync();
        // Every stylesheet and script the pages ask for loads (the browser's own favicon request aside).
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                failed.Add($"{r.Status} {r.Url}");
            }
        };

        await StaffPhone.LoginAsync(page, "leader");
        await page.Locator("header.top nav a", new() { HasTextString = "报表" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("报表与评分", new() { Timeout = Wait });

        // The period picker: March 2026, by month.
        await page.Locator("#picker select[name=kind]").SelectOptionAsync("month");
        await page.Locator("#picker input[name=year]").FillAsync("2026");
        await page.Locator("#picker select[name=month]").SelectOptionAsync("3");
        await page.Locator("#picker button[type=submit]").ClickAsync();
        await Expect(page.Locator(".periods b")).ToContainTextAsync("2026年3月", new() { Timeout = Wait });
        await Expect(page.Locator("svg.chart").First).ToBeVisibleAsync(new() { Timeout = Wait });
        await phones.ShotAsync(page, "01-dashboard");
        foreach (var part in new[] { "charts", "ranking", "sheet" })
        {
            await page.Locator($"#{part}").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(phones.ScreenshotFolder, $"01-dashboard-{part}.png") });
        }

        await PhoneBrowser.AssertFitsAsync(page);

        // Drill down: the lost points of 一.1 name the unanswered ticket; its number opens the ticket.
        var deduction = page.Locator("#sheet tr.deduction", new() { HasTextString = "期末仍未办理回复" });
        await deduction.Locator("a.all").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("失分明细", new() { Timeout = Wait });
        await phones.ShotAsync(page, "02-lost");
        await page.Locator($"a.no[href='/staff/tickets/{east.Number}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/staff/tickets/{east.Number}$"), new() { Timeout = Wait });
        await Expect(page.Locator("h1")).ToContainTextAsync(east.Number, new() { Timeout = Wait });

        // The printable sheet, as the printer sees it.
        await page.GotoAsync($"/staff/reports/sheet?kind=month&year=2026&month=3&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync(new() { Timeout = Wait });
        await Expect(page.Locator(".sheet")).ToContainTextAsync(east.Number, new() { Timeout = Wait });
        await phones.ShotAsync(page, "03-sheet-print");
        Assert.Empty(failed);
    }
}
