using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Testing;
using SunshineBot.Web.Jobs.Urgent;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// 重大特急件 and dispatch: each dispatch (交办, and the dispatch again after 退回) alerts the staff on duty for the unit
/// the ticket now goes to, and that alert is acknowledged and escalated on its own, through the real host and API.
/// </summary>
public sealed class UrgentDispatchAlertTests
{
    [Fact]
    public async Task Dispatch_UrgentTicketThenHandBackAndRedispatch_EachNewUnitsDutyIsAlertedAndMustAcknowledge()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero)); // Wednesday, Beijing 10:00
        using var host = new StaffTestHost(new() { ["Jobs:UrgentAckTimeout"] = "00:30:00", ["Jobs:Enabled"] = "false" }, clock: clock);
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var west = await host.ApiAsync("west");
        foreach (var (user, unit) in new[] { ("east", StaffTestHost.EastSchool), ("west", StaffTestHost.WestSchool) })
        {
            (await admin.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-10", userName = user, unitCode = unit, phone = "0734-8100101" })).EnsureSuccessStatusCode();
        }

        var filed = await admin.PostAsJsonAsync("/api/staff/tickets", new
        {
            channel = "Phone", kind = "Report", severity = "Urgent", category = "Other", description = "学生在操场被推倒，头部受伤流血，学校没有通知家长。",
            visitorName = "李四", visitorPhone = "13900001111", schoolName = "东城区第一小学",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        Assert.Empty(await UrgentAsync(east, number)); // at filing the centre hears of it, not the school

        (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        var toEast = Assert.Single(await UrgentAsync(east, number));
        Assert.Contains("已交办东城区第一小学", toEast, StringComparison.Ordinal);
        Assert.Empty(await UrgentAsync(west, number));
        Assert.Equal(HttpStatusCode.NoContent, (await east.PostAsync($"/api/staff/tickets/{number}/urgent-ack", null)).StatusCode);

        (await east.PostAsJsonAsync($"/api/staff/tickets/{number}/hand-back", new { reason = "该生在西城区第二小学就读" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.WestSchool })).EnsureSuccessStatusCode();
        Assert.Contains("已交办西城区第二小学", Assert.Single(await UrgentAsync(west, number)), StringComparison.Ordinal);

        // East's acknowledgement was for its own alert: the west school's, unacknowledged, goes up to the centre.
        clock.Advance(TimeSpan.FromMinutes(31));
        using (var scope = host.App.Services.CreateScope())
        {
            Assert.Equal([number], await scope.ServiceProvider.GetRequiredService<AlertUrgentTickets>().EscalateUnacknowledgedAsync([number], clock.GetUtcNow(), default));
        }

        Assert.Contains(await NoticesAsync(admin), n => n.GetProperty("kind").GetString() == "urgent-escalated" && n.GetProperty("ticketNumber").GetString() == number);
        Assert.Equal(HttpStatusCode.NoContent, (await west.PostAsync($"/api/staff/tickets/{number}/urgent-ack", null)).StatusCode);
        var again = await west.PostAsync($"/api/staff/tickets/{number}/urgent-ack", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("west老师", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var ticket = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{number}");
        var acks = ticket.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("note").GetString() == AcknowledgeUrgentAlert.AckNote).Select(e => e.GetProperty("actor").GetString()).ToList();
        Assert.Equal(["east老师", "west老师"], acks);
    }

    [Fact]
    public async Task Notifications_AlertSupersededByARedispatch_ShownAsSupersededWithoutAcknowledgeButton()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero)); // Wednesday, Beijing 10:00
        using var host = new StaffTestHost(new() { ["Jobs:Enabled"] = "false" }, clock: clock);
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var west = await host.ApiAsync("west");
        foreach (var (user, unit) in new[] { ("east", StaffTestHost.EastSchool), ("west", StaffTestHost.WestSchool) })
        {
            (await admin.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-10", userName = user, unitCode = unit, phone = "0734-8100101" })).EnsureSuccessStatusCode();
        }

        var filed = await admin.PostAsJsonAsync("/api/staff/tickets", new
        {
            channel = "Phone", kind = "Report", severity = "Urgent", category = "Other", description = "学生在操场被推倒，头部受伤流血，学校没有通知家长。",
            visitorName = "李四", visitorPhone = "13900001111", schoolName = "东城区第一小学",
        });
        var number = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        using var pages = await host.PagesAsync("admin");
        Assert.Contains("urgent-ack", await pages.GetPageAsync("/staff/notifications"), StringComparison.Ordinal); // the centre's alert at filing
        Assert.False(Assert.Single(await NoticesAsync(admin), n => n.GetProperty("kind").GetString() == "urgent").GetProperty("superseded").GetBoolean());

        (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        (await east.PostAsJsonAsync($"/api/staff/tickets/{number}/hand-back", new { reason = "该生在西城区第二小学就读" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.WestSchool })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await west.PostAsync($"/api/staff/tickets/{number}/urgent-ack", null)).StatusCode);

        var page = WebUtility.HtmlDecode(await pages.GetPageAsync("/staff/notifications"));
        Assert.DoesNotContain("urgent-ack", page, StringComparison.Ordinal);
        Assert.Contains("这件工单已重新交办，这条提醒已失效", page, StringComparison.Ordinal);
        Assert.True(Assert.Single(await NoticesAsync(admin), n => n.GetProperty("kind").GetString() == "urgent").GetProperty("superseded").GetBoolean());
        Assert.False(Assert.Single(await NoticesAsync(west), n => n.GetProperty("kind").GetString() == "urgent").GetProperty("superseded").GetBoolean());
    }

    private static async Task<List<JsonElement>> NoticesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/staff/notifications")).EnumerateArray()];

    private static async Task<List<string>> UrgentAsync(HttpClient client, string number) =>
        [.. (await NoticesAsync(client)).Where(n => n.GetProperty("kind").GetString() == "urgent" && n.GetProperty("ticketNumber").GetString() == number).Select(n => n.GetProperty("text").GetString()!)];
}
