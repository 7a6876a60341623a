using Microsoft.Playwright;

namespace SunshineBot.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright (never a download: it is given the executable), opening phone-sized pages
/// (390×844, zh-CN, Asia/Shanghai) on a host's address, with full-page screenshots into one folder. One per test; each
/// <see cref="NewPhoneAsync"/> is a phone of its own (own cookies). Only the projects that reference Playwright compile it.
/// </summary>
public sealed class PhoneBrowser : IAsyncDisposable
{
    /// <summary>Two shared cores build and render slowly: generous limits, never an assertion on time.</summary>
    public const float Wait = 60_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _address;
    private readonly string _screenshots;

    private PhoneBrowser(IPlaywright playwright, IBrowser browser, Uri address, string screenshots) =>
        (_playwright, _browser, _address, _screenshots) = (playwright, browser, address, screenshots);

    /// <param name="screenshots">The folder under the test output's <c>screenshots/</c>.</param>
    public static async Task<PhoneBrowser> LaunchAsync(Uri address, string screenshots)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", screenshots);
        Directory.CreateDirectory(folder);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath ?? ChromiumFactAttribute.DefaultPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new PhoneBrowser(playwright, browser, address, folder);
    }

    public string ScreenshotFolder => _screenshots;

    /// <summary>A new phone (own cookies) at 390×844 unless told otherwise; <paramref name="timeout"/> for its actions and expectations.</summary>
    public async Task<IPage> NewPhoneAsync(int width = 390, int height = 844, float timeout = Wait)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            BaseURL = _address.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeout);
        page.SetDefaultNavigationTimeout(Wait);
        return page;
    }

    public Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, name + ".png"), FullPage = fullPage });
    }

    /// <summary>Fails when the page is wider than the phone (it would scroll sideways).</summary>
    public static async Task AssertFitsAsync(IPage page, int width = 390)
    {
        ArgumentNullException.ThrowIfNull(page);
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= width, $"{page.Url} scrolls sideways at {width} px ({scroll} px wide)");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
