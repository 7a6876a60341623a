using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Findings, fault tags and reply conformity through the staff API: recorded by the centre, each on the timeline.</summary>
public sealed class StaffSupervisionApiTests
{
    private const string GoodReply = "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。";

    [Fact]
    public async Task Approve_StampedUnit_RecordsTemplateAndStampAtPublication()
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var number = await RepliedAsync(host, approve: true);

        var ticket = host.WithDb(db => db.TicketsWithHistory.Single(t => t.Number == number));

        Assert.Equal((true, true), (ticket.ReplyFollowsTemplate, ticket.ReplyHasStamp));
        var recorded = Assert.Single(ticket.Events, e => e.Action == TicketAction.RecordReplyConformity);
        Assert.Equal("系统", recorded.ActorName);
        Assert.True(recorded.Sequence > ticket.Events.Single(e => e.Action == TicketAction.Approve).Sequence);
    }

    [Fact]
    public async Task FindingFaultAndCorrection_ByTheCentre_LandOnTicketAndTimeline()
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var number = await RepliedAsync(host, approve: true);
        using var admin = await host.ApiAsync("admin");

        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/finding", new { finding = "Substantiated", note = "票据属实" }));
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/faults", new { kind = "ReplyContradictsFacts", reason = "答复称已退费，家长未收到" }));
        var last = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/conformity", new { followsTemplate = false, hasStamp = true, note = "缺少联系电话" }));

        Assert.Equal("Substantiated", last.GetProperty("finding").GetString());
        Assert.False(last.GetProperty("replyFollowsTemplate").GetBoolean());
        var fault = Assert.Single(last.GetProperty("faults").EnumerateArray());
        Assert.Equal(("ReplyContradictsFacts", "答复与事实不符", StaffTestHost.EastSchool), (fault.GetProperty("kind").GetString(), fault.GetProperty("kindLabel").GetString(), fault.GetProperty("unitCode").GetString()));
        var labels = last.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("actionLabel").GetString()).ToList();
        Assert.Contains("核实结论", labels);
        Assert.Contains("问题标签", labels);
        Assert.Equal(2, labels.Count(l => l == "答复规范"));
    }

    [Theory]
    [InlineData("east")]
    [InlineData("leader")]
    [InlineData("viewer")]
    public async Task TagFault_NotTheCentre_IsForbiddenAndNothingSaved(string user)
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var number = await RepliedAsync(host, approve: true);
        using var client = await host.ApiAsync(user);

        var response = await client.PostAsJsonAsync($"/api/staff/tickets/{number}/faults", new { kind = "BuckPassing", reason = "推诿" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.WithDb(db => db.TicketFaults.Count()));
    }

    [Fact]
    public async Task RecordFinding_MissingFinding_IsAClearChineseRefusal()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");

        var response = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/finding", new { note = "无" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("核实结论", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(host.WithDb(db => db.Tickets.AsNoTracking().Single(t => t.Number == ticket.Number).Finding));
    }

    private static async Task<string> RepliedAsync(StaffTestHost host, bool approve)
    {
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var leader = await host.ApiAsync("leader");
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = GoodReply }));
        if (approve)
        {
            await Ok(await leader.PostAsync($"/api/staff/tickets/{ticket.Number}/approve", null));
        }

        return ticket.Number;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
