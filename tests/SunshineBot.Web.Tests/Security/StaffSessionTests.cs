using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Testing;
using SunshineBot.Web.Tests.Staff;

namespace SunshineBot.Web.Tests.Security;

/// <summary>Idle page sessions end; reveal, export and role changes need the password typed recently, on pages and API.</summary>
public sealed class StaffSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_IdleLongerThanTheTimeout_SendBackToLogin()
    {
        var clock = new TestClock(Start);
        using var host = new StaffTestHost(new() { ["Staff:IdleTimeoutMinutes"] = "20" }, clock: clock);
        using var pages = await host.PagesAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/staff")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(21));
        var response = await pages.Http.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ActiveButOlderThanTheSessionLimit_SendBackToLogin()
    {
        var clock = new TestClock(Start);
        using var host = new StaffTestHost(new() { ["Staff:IdleTimeoutMinutes"] = "20", ["Staff:CookieLifetimeMinutes"] = "60" }, clock: clock);
        using var pages = await host.PagesAsync("leader");
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/staff")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await pages.Http.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task RevealPage_PasswordTypedLongAgo_AsksForItAgainThenReveals()
    {
        var clock = new TestClock(Start);
        using var host = new StaffTestHost(clock: clock);
        var ticket = await host.FileComplaintAsync();
        using var pages = await host.PagesAsync("leader");
        clock.Advance(TimeSpan.FromMinutes(11));
        var url = $"/staff/tickets/{ticket.Number}";

        var refused = await pages.PostFormAsync(url, url + "?handler=Reveal", []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/staff/reauth?returnUrl=" + Uri.EscapeDataString(url), refused.Headers.Location!.OriginalString);
        Assert.Equal(0, host.WithDb(db => db.AuditLog.Count(a => a.Kind == "reveal")));

        var wrong = await pages.PostFormAsync(refused.Headers.Location.OriginalString, "/staff/reauth", new() { ["Password"] = "wrong-one", ["ReturnUrl"] = url });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var again = await pages.PostFormAsync(refused.Headers.Location.OriginalString, "/staff/reauth", new() { ["Password"] = StaffTestHost.Password, ["ReturnUrl"] = url });
        Assert.Equal(url, again.Headers.Location!.OriginalString);

        var revealed = await pages.PostFormAsync(url, url + "?handler=Reveal", []);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains("13812345678", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, host.WithDb(db => db.AuditLog.Count(a => a.Kind == "reveal" && a.Subject == ticket.Number && a.Actor == "leader")));
        Assert.Equal(1, host.WithDb(db => db.AuditLog.Count(a => a.Kind == "reauth")));
    }

    [Theory]
    [InlineData("POST", "/api/staff/tickets/{n}/reveal")]
    [InlineData("GET", "/api/staff/tickets/export")]
    public async Task Api_TokenOlderThanTheReauthWindow_Answers401AskingForTheToken(string method, string path)
    {
        var clock = new TestClock(Start);
        using var host = new StaffTestHost(clock: clock);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        clock.Advance(TimeSpan.FromMinutes(11));

        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{n}", ticket.Number, StringComparison.Ordinal)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("请重新验证密码", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("reauthenticate").GetBoolean());
        using var fresh = await host.ApiAsync("admin");
        Assert.True((await fresh.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{n}", ticket.Number, StringComparison.Ordinal)))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task RoleChange_PasswordTypedLongAgo_GoesToReauthAndChangesNothing()
    {
        var clock = new TestClock(Start);
        using var host = new StaffTestHost(clock: clock);
        using var pages = await host.PagesAsync("admin");
        clock.Advance(TimeSpan.FromMinutes(11));
        var form = await pages.GetPageAsync("/staff/users");
        var handler = System.Text.RegularExpressions.Regex.Match(form, "action=\"(/staff/users\\?handler=Assign[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(handler);

        var response = await pages.PostFormAsync("/staff/users", System.Net.WebUtility.HtmlDecode(handler), new() { ["userName"] = "east", ["role"] = "Leader", ["unitCode"] = StaffTestHost.EastSchool });

        Assert.StartsWith("/staff/reauth", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(Core.Staff.StaffRole.Handler, host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").Role));
    }
}
