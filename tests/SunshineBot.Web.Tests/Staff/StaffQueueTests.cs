using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
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
    public async Task Queue_ManyClosedTickets_PagesOpenOnesFirstThenClosedNewestFirst_WithoutGapsOrRepeats()
    {
        var clock = new TestClock(Monday);
        using var host = new StaffTestHost(new() { ["Staff:PageSize"] = "5" }, clock: clock);
        // The first eight become closed (an old ledger): the queue pages them in SQL, newest first.
        var (filed, closed) = await FileThenCloseAsync(host, clock, 12, 8);
        using var admin = await host.ApiAsync("admin");

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?page={page}"));
        }

        var numbers = pages.Select(p => p.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToArray()).ToArray();
        Assert.All(pages, p => Assert.Equal(12, p.GetProperty("total").GetInt32()));
        Assert.Equal([5, 5, 2, 0], numbers.Select(n => n.Length));
        var all = numbers.SelectMany(n => n).ToArray();
        Assert.Equal(filed.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(filed.Skip(8).Order(StringComparer.Ordinal), all.Take(4).Order(StringComparer.Ordinal));
        Assert.Equal(closed.Reverse(), all.Skip(4));
        Assert.Equal(4, pages[0].GetProperty("counts").GetProperty("toDispatch").GetInt32());
        var onlyClosed = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?status=Closed&page=2");
        Assert.Equal(8, onlyClosed.GetProperty("total").GetInt32());
        Assert.Equal(closed.Reverse().Skip(5), onlyClosed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Queue_MoreFinishedTicketsThanTheCountLimit_SaysTheTotalIsALowerBound_AndFiltersKeepTheScopeCounts()
    {
        var clock = new TestClock(Monday);
        using var host = new StaffTestHost(new() { ["Staff:PageSize"] = "5", ["Staff:EndedCountLimit"] = "6" }, clock: clock);
        var (filed, closed) = await FileThenCloseAsync(host, clock, 11, 8);
        using var admin = await host.ApiAsync("admin");

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets");
        var fewer = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={closed[0]}");
        var one = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={filed[9]}");
        var third = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?page=2");
        using var pages = await host.PagesAsync("admin");
        var html = await pages.GetPageAsync("/staff");

        Assert.True(first.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(3 + 6, first.GetProperty("total").GetInt32());
        Assert.Equal(filed.Skip(8).Order(StringComparer.Ordinal), first.GetProperty("items").EnumerateArray().Take(3).Select(i => i.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(closed.Reverse().Skip(2).Take(5), third.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        Assert.Contains("超过 9 件", html, StringComparison.Ordinal);
        Assert.False(fewer.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(1, fewer.GetProperty("total").GetInt32());
        var only = Assert.Single(one.GetProperty("items").EnumerateArray());
        Assert.Equal(filed[9], only.GetProperty("number").GetString());
        Assert.False(one.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(3, one.GetProperty("counts").GetProperty("toDispatch").GetInt32());
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

    /// <summary>Files <paramref name="count"/> complaints half an hour apart and closes the first <paramref name="closedCount"/>.</summary>
    private static async Task<(List<string> Filed, string[] Closed)> FileThenCloseAsync(StaffTestHost host, TestClock clock, int count, int closedCount)
    {
        var filed = new List<string>();
        for (var i = 0; i < count; i++)
        {
            filed.Add((await host.FileComplaintAsync()).Number);
            clock.Advance(TimeSpan.FromMinutes(30));
        }

        var closed = filed.Take(closedCount).ToArray();
        host.WithDb(db => db.Tickets.Where(t => closed.Contains(t.Number))
            .ExecuteUpdate(u => u.SetProperty(t => t.Status, TicketStatus.Closed).SetProperty(t => t.ClosedAt, clock.GetUtcNow())));
        return (filed, closed);
    }
}
