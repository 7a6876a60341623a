using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Conversations.Services;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Similar complaints (MoreLikeThis within the school and the window), groups and duplicates, and repeats after closure.</summary>
public sealed class StaffSimilarTicketsTests
{
    private const string Workbooks = "学校强制每个学生购买教辅资料，每人120元，不买就不让参加考试";

    [Fact]
    public async Task Similar_OtherParentsAtTheSameSchool_AreListedWithScores_TheSameParentAndOtherSchoolsAreNot()
    {
        using var host = new StaffTestHost();
        var filed = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p1");
        var other = await host.FileComplaintAsync(description: "班主任要求买教辅资料，一本120元，说不买考试就不给卷子", filedBy: "webchat:p2");
        await host.FileComplaintAsync(description: Workbooks + "，我再说一遍", filedBy: "webchat:p1");
        await host.FileComplaintAsync(description: Workbooks, school: "西城区第一小学", filedBy: "webchat:p3");
        await host.FileComplaintAsync(description: "食堂的饭菜太贵，每顿二十五元，孩子吃不饱", filedBy: "webchat:p4");
        using var admin = await host.ApiAsync("admin");

        var similar = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{filed.Number}/similar");

        var hit = Assert.Single(similar.EnumerateArray());
        Assert.Equal(other.Number, hit.GetProperty("ticket").GetProperty("number").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("groupNumber").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/staff/tickets/YG20990101-0001/similar")).StatusCode);
    }

    [Fact]
    public async Task Similar_SchoolHandler_NeverSeesAnotherUnitsTicket()
    {
        using var host = new StaffTestHost();
        var mine = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p1");
        var theirs = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p2");
        var alsoMine = await host.FileComplaintAsync(description: Workbooks + "，希望尽快处理", filedBy: "webchat:p3");
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{mine.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{alsoMine.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{theirs.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool });
        using var east = await host.ApiAsync("east");

        var forAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{mine.Number}/similar");
        var forEast = await east.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{mine.Number}/similar");

        Assert.Equal(2, forAdmin.GetArrayLength());
        Assert.Equal([alsoMine.Number], forEast.EnumerateArray().Select(s => s.GetProperty("ticket").GetProperty("number").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/staff/tickets/{theirs.Number}/similar")).StatusCode);
    }

    [Fact]
    public async Task Group_LinkingSimilarTickets_PutsThemInTheEarliestsGroup_OnTheTimeline_AndThePageOffersIt()
    {
        using var host = new StaffTestHost();
        var first = await host.FileComplaintAsync(description: Workbooks, filedBy: "webchat:p1");
        var second = await host.FileComplaintAsync(description: "班主任要求买教辅资料，一本120元", filedBy: "webchat:p2");
        var third = await host.FileComplaintAsync(description: "又被要求买教辅资料了，120元", filedBy: "webchat:p3");
        using var admin = await host.ApiAsync("admin");
        using var pages = await host.PagesAsync("admin");

        var page = await pages.GetPageAsync($"/staff/tickets/{second.Number}");
        Assert.Contains("同类诉求", page, StringComparison.Ordinal);
        Assert.Contains(first.Number, page, StringComparison.Ordinal);
        Assert.Contains("归为同组", page, StringComparison.Ordinal);
        var linked = await admin.PostAsJsonAsync($"/api/staff/tickets/{second.Number}/group", new { withNumber = first.Number });
        var posted = await pages.PostFormAsync($"/staff/tickets/{third.Number}", $"/staff/tickets/{third.Number}?handler=Act",
            new() { ["action"] = "LinkGroup", ["other"] = second.Number });
        var clash = await admin.PostAsJsonAsync($"/api/staff/tickets/{second.Number}/group", new { withNumber = second.Number });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(first.Number, (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupNumber").GetString());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);
        var groups = host.WithDb(db => db.Tickets.Include(t => t.Events).AsNoTracking().ToList());
        Assert.All(groups, t => Assert.Equal(first.Number, t.GroupNumber));
        Assert.All(groups, t => Assert.Single(t.Events, e => e.Action == TicketAction.LinkGroup));
        var similar = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{third.Number}/similar");
        Assert.All(similar.EnumerateArray(), s => Assert.Equal(first.Number, s.GetProperty("groupNumber").GetString()));

        var duplicate = await admin.PostAsJsonAsync($"/api/staff/tickets/{third.Number}/duplicate", new { originalNumber = first.Number });
        Assert.Equal("Duplicate", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Repeat_SameParentAfterClosure_IsNotFoldedIntoTheClosedTicket()
    {
        using var host = new StaffTestHost();
        var open = await host.FileComplaintAsync(filedBy: "p-open");
        var closed = await host.FileComplaintAsync(filedBy: "p-closed");
        host.WithDb(db => db.Tickets.Where(t => t.Number == closed.Number).ExecuteUpdate(u => u.SetProperty(t => t.Status, TicketStatus.Closed)));
        using var scope = host.App.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<ITicketDesk>();

        var stillOpen = await desk.FindSimilarAsync("p-open", TicketKind.Complaint, null, "东城区第一小学", CancellationToken.None);
        var afterClosure = await desk.FindSimilarAsync("p-closed", TicketKind.Complaint, null, "东城区第一小学", CancellationToken.None);

        Assert.Equal(open.Number, stillOpen?.Number);
        Assert.Null(afterClosure);
    }
}
