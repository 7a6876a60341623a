using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

public sealed class StaffHandlingStepsTests
{
    // Monday 2026-11-23 10:00 Beijing time.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Acknowledge_HandlerHalfAnHourAfterDispatch_RecordsTimeToAcknowledgeOnce()
    {
        var clock = new TestClock(Monday);
        using var host = new StaffTestHost(clock: clock);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(30));

        var response = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/acknowledge", new { text = "已安排专人核实" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30.0, dto.GetProperty("handling").GetProperty("minutesToAcknowledge").GetDouble());
        Assert.Equal(dto.GetProperty("dueAt").GetDateTimeOffset(), dto.GetProperty("resolution").GetProperty("dueAt").GetDateTimeOffset());
        Assert.NotEqual(dto.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset(), dto.GetProperty("resolution").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("east老师", dto.GetProperty("handling").GetProperty("acknowledgedBy").GetString());
        Assert.Contains(dto.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "Acknowledge" && e.GetProperty("note").GetString() == "已安排专人核实");
        Assert.DoesNotContain("Acknowledge", dto.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var again = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task HandBack_ThenCentreRedispatches_CountsTheRedispatchAndKeepsTheReason()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();

        var empty = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/hand-back", new { reason = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var handedBack = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/hand-back", new { reason = "该生已转学至西城区第二小学" });
        Assert.Equal(HttpStatusCode.OK, handedBack.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/api/staff/tickets/{ticket.Number}")).StatusCode);

        var redispatched = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool });
        var dto = await redispatched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dispatched", dto.GetProperty("status").GetString());
        Assert.Equal(1, dto.GetProperty("handling").GetProperty("redispatchCount").GetInt32());
        Assert.Equal("该生已转学至西城区第二小学", dto.GetProperty("handling").GetProperty("handBackReason").GetString());
        Assert.Contains(dto.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "HandBack" && e.GetProperty("to").GetString() == "Received");
    }

    [Fact]
    public async Task CorrectIntake_HandlerRefusedAdminRecountsTheLimits()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();

        var refused = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/correct", new { kind = "Consultation", reason = "其实是咨询" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var nothing = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/correct", new { kind = "Complaint", reason = "不变" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);

        var corrected = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/correct", new { kind = "Consultation", category = "Uniforms", reason = "来电人只是询问收费标准" });

        var dto = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Consultation", "Uniforms"), (dto.GetProperty("kind").GetString(), dto.GetProperty("category").GetString()));
        Assert.True(dto.GetProperty("firstReplyDueAt").GetDateTimeOffset() < ticket.FirstReplyDueAt, "a consultation's limit is shorter than a complaint's");
        var note = dto.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString();
        Assert.Contains("投诉→咨询", note, StringComparison.Ordinal);
        Assert.Contains("来电人只是询问收费标准", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetLimit_UrgentTicketOwnHours_ReplacesTheLimits()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        var normal = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/limit", new { hours = 4 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, normal.StatusCode);
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/correct", new { severity = "Urgent", reason = "涉及学生安全" })).EnsureSuccessStatusCode();
        var both = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/limit", new { hours = 4, workingDays = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, both.StatusCode);

        var limited = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/limit", new { hours = 4, note = "局领导要求" });

        var dto = await limited.Content.ReadFromJsonAsync<JsonElement>();
        // PostgreSQL keeps microseconds; the ticket in hand has .NET's 100 ns ticks.
        Assert.Equal(Microseconds(ticket.ReceivedAt.AddHours(4)), Microseconds(dto.GetProperty("firstReplyDueAt").GetDateTimeOffset()));
        Assert.Equal(Microseconds(ticket.ReceivedAt.AddHours(4)), Microseconds(dto.GetProperty("dueAt").GetDateTimeOffset()));
    }

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.Ticks - (at.Ticks % 10), at.Offset);

    [Fact]
    public async Task FlagCase_WithOnSiteVisit_UnitRecordsTheVisit()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/visit", new { text = "去过了" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/flag", new { flag = "Supervised", workingDays = 2 })).StatusCode);

        var flagged = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/flag", new { flag = "Supervised", workingDays = 2, onSiteVisit = true, note = "多名家长反映" });
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        var visited = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/visit", new { text = "11月24日到校核查，教辅资料由班主任代购，已责令退费。" });

        var handling = (await visited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handling");
        Assert.Equal("Supervised", handling.GetProperty("flag").GetString());
        Assert.True(handling.GetProperty("onSiteVisitRequired").GetBoolean());
        Assert.StartsWith("11月24日到校核查", handling.GetProperty("visitRecord").GetString(), StringComparison.Ordinal);
        Assert.True(handling.GetProperty("flagDueAt").GetDateTimeOffset() > ticket.ReceivedAt);
    }

    [Fact]
    public async Task Pages_HandlerAcknowledgesOnTheTicketPage_ShownWithTheName()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        using var pages = await host.PagesAsync("east");
        var url = $"/staff/tickets/{ticket.Number}";
        Assert.Contains("id=\"acknowledge\"", await pages.GetPageAsync(url), StringComparison.Ordinal);

        var posted = await pages.PostFormAsync(url, url + "?handler=Step", new() { ["action"] = "Acknowledge" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await pages.GetPageAsync(url);
        Assert.Contains("class=\"acknowledged\">east老师", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"acknowledge\"", page, StringComparison.Ordinal);
        var handBack = await pages.PostFormAsync(url, url + "?handler=Step", new() { ["action"] = "HandBack", ["text"] = "不属于本校" });
        Assert.Equal("/staff", handBack.Headers.Location?.ToString());
    }
}
