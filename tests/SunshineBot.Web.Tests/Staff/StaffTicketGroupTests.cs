using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Taking a ticket out of its group of similar complaints (解除归并): the rest of the group follows.</summary>
public sealed class StaffTicketGroupTests
{
    private const string Workbooks = "学校强制每个学生购买教辅资料，每人120元，不买就不让参加考试";

    [Fact]
    public async Task Ungroup_FirstTicketLeaves_RestTakeTheEarliestAsFirst_LastOneLeftIsNoGroup()
    {
        using var host = new StaffTestHost();
        var first = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p1");
        var second = await host.FileComplaintAsync(description: "班主任要求买教辅资料，一本120元", filedBy: "webchat:p2");
        var third = await host.FileComplaintAsync(description: "又被要求买教辅资料了，120元", filedBy: "webchat:p3");
        using var admin = await host.ApiAsync("admin");
        using var pages = await host.PagesAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{second.Number}/group", new { withNumber = first.Number });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{third.Number}/group", new { withNumber = second.Number });
        Assert.Contains("解除归并", await pages.GetPageAsync($"/staff/tickets/{third.Number}"), StringComparison.Ordinal);

        var firstLeaves = await admin.PostAsJsonAsync($"/api/staff/tickets/{first.Number}/ungroup", new { reason = "反映的是另一个年级" });

        Assert.Equal(HttpStatusCode.OK, firstLeaves.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await firstLeaves.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupNumber").ValueKind);
        var tickets = Load(host);
        Assert.Null(tickets[first.Number].GroupNumber);
        Assert.Equal(second.Number, tickets[second.Number].GroupNumber);
        Assert.Equal(second.Number, tickets[third.Number].GroupNumber);
        var left = Last(tickets[first.Number]);
        Assert.Equal(TicketAction.UnlinkGroup, left.Action);
        Assert.Contains("反映的是另一个年级", left.Note, StringComparison.Ordinal);
        Assert.Contains(first.Number, Last(tickets[third.Number]).Note, StringComparison.Ordinal);

        var posted = await pages.PostFormAsync($"/staff/tickets/{third.Number}", $"/staff/tickets/{third.Number}?handler=Act",
            new() { ["action"] = "UnlinkGroup", ["text"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        tickets = Load(host);
        Assert.All(tickets.Values, t => Assert.Null(t.GroupNumber));
        Assert.Equal(TicketAction.UnlinkGroup, Last(tickets[second.Number]).Action);
        var again = await admin.PostAsJsonAsync($"/api/staff/tickets/{third.Number}/ungroup", new { reason = "再试一次" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("没有归入同类诉求组", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ungroup_MiddleTicketLeavesAGroupOfThree_TheOthersKeepTheirGroup()
    {
        using var host = new StaffTestHost();
        var first = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p1");
        var second = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p2");
        var third = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p3");
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{second.Number}/group", new { withNumber = first.Number });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{third.Number}/group", new { withNumber = first.Number });
        var before = Load(host)[first.Number].Events.Count;

        (await admin.PostAsJsonAsync($"/api/staff/tickets/{second.Number}/ungroup", new { })).EnsureSuccessStatusCode();

        var tickets = Load(host);
        Assert.Equal([first.Number, null, first.Number], new[] { first, second, third }.Select(t => tickets[t.Number].GroupNumber));
        Assert.Equal(before, tickets[first.Number].Events.Count);
    }

    private static TicketEvent Last(Ticket ticket) => ticket.Events.MaxBy(e => e.Sequence)!;

    private static Dictionary<string, Ticket> Load(StaffTestHost host) =>
        host.WithDb(db => db.Tickets.Include(t => t.Events).AsNoTracking().ToList()).ToDictionary(t => t.Number, StringComparer.Ordinal);
}
