using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

public sealed class StaffQueueTests
{
    // Monday 2026-11-23 10:00 in Beijing.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Queue_TicketPastItsReplyLimit_IsCountedAndFilteredAsOverdue()
    {
        var clock = new TestClock(Monday);
        using var host = new StaffTestHost(clock: clock);
        var late = await host.FileComplaintAsync();
        clock.Advance(TimeSpan.FromDays(7));
        var fresh = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets");
        var overdue = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?due=overdue");

        Assert.Equal(1, all.GetProperty("counts").GetProperty("overdue").GetInt32());
        Assert.Equal(1, all.GetProperty("counts").GetProperty("new").GetInt32());
        Assert.Equal(late.Number, all.GetProperty("items")[0].GetProperty("number").GetString());
        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(late.Number, item.GetProperty("number").GetString());
        Assert.True(item.GetProperty("deadline").GetProperty("overdue").GetBoolean());
        Assert.NotEqual(fresh.Number, late.Number);
    }

    [Fact]
    public async Task Viewer_ReadsTheQueueAndTicket_ButIsOfferedNoActions()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var viewer = await host.ApiAsync("viewer");
        using var pages = await host.PagesAsync("viewer");

        var view = await viewer.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{ticket.Number}");
        var page = await pages.GetPageAsync($"/staff/tickets/{ticket.Number}");

        Assert.Empty(view.GetProperty("allowedActions").EnumerateArray());
        Assert.False(view.GetProperty("canRevealContact").GetBoolean());
        Assert.DoesNotContain("id=\"dispatch\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("查看完整信息", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_FiveWrongPasswords_LocksTheAccount()
    {
        using var host = new StaffTestHost();
        using var client = new StaffTestHost.PageClient(host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/staff/login", "/staff/login", new() { ["UserName"] = "east", ["Password"] = "wrong-" + i });
        }

        var locked = await client.PostFormAsync("/staff/login", "/staff/login", new() { ["UserName"] = "east", ["Password"] = StaffTestHost.Password });

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_LastsFifteenMinutes_ThenTheRightPasswordWorks()
    {
        var clock = new TestClock(Monday);
        using var host = new StaffTestHost(clock: clock);
        using var client = host.App.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = "wrong-" + i })).StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = "wrong-5" });
        clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password });
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var open = await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password });

        Assert.Equal((HttpStatusCode)423, fifth.StatusCode);
        Assert.Equal((HttpStatusCode)423, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
