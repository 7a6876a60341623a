using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SunshineBot.Testing;
using SunshineBot.Web.Chat;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>What the staff browser tests do on a <see cref="PhoneBrowser"/> page: sign in and out, find a parent's device.</summary>
internal static class StaffPhone
{
    public static async Task LoginAsync(IPage page, string user, string? password = null)
    {
        await page.GotoAsync("/staff/login");
        await page.Locator("input[name=UserName]").FillAsync(user);
        await page.Locator("input[name=Password]").FillAsync(password ?? (user == "admin" ? StaffTestHost.AdminPassword : StaffTestHost.Password));
        await page.Locator("button[type=submit]").ClickAsync();
        // Polls the address and then the heading: robust however the POST-redirect-GET and the load event interleave.
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"), new() { Timeout = PhoneBrowser.Wait });
        await Expect(page.Locator("h1")).ToHaveTextAsync("工单队列", new() { Timeout = PhoneBrowser.Wait });
    }

    public static async Task LogoutAsync(IPage page)
    {
        await page.Locator("form.logout button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff/login"), new() { Timeout = PhoneBrowser.Wait });
    }

    /// <summary>Waits for the page's notice (the answer to a form) to say <paramref name="text"/>.</summary>
    public static Task NoticeAsync(IPage page, string text) =>
        Expect(page.Locator(".notice")).ToContainTextAsync(text, new() { Timeout = PhoneBrowser.Wait });

    /// <summary>The web-chat device id the host gave this browser, read from its signed cookie as the host reads it.</summary>
    public static async Task<string> DeviceOfAsync(IPage page, StaffTestHost host)
    {
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == DeviceIdentity.CookieName);
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return host.App.Services.GetRequiredService<DeviceIdentity>().Read(http) ?? throw new InvalidOperationException("unreadable device cookie");
    }

    /// <summary>A parent's phone with the web chat open and greeted, and the device id its tickets are filed under.</summary>
    public static async Task<(IPage Page, string Device)> ParentAsync(PhoneBrowser phones, StaffTestHost host)
    {
        var parent = await phones.NewPhoneAsync();
        await parent.GotoAsync("/");
        await Expect(parent.Locator(".bubble", new() { HasTextString = "这里是教育阳光服务" }).Last).ToBeVisibleAsync(new() { Timeout = PhoneBrowser.Wait });
        return (parent, await DeviceOfAsync(parent, host));
    }
}
