using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Every action against every role that may not take it, every unit that may not see it, every state that forbids it.</summary>
public sealed class StaffAccessMatrixTests
{
    // Path and a body that would be valid if the role, scope and state allowed it.
    private static readonly Dictionary<string, object> Actions = new(StringComparer.Ordinal)
    {
        ["dispatch"] = new { unitCode = StaffTestHost.EastSchool },
        ["reply"] = new { text = "经我校核实，班主任要求购买的教辅资料属于违规行为，学校已责令停止收费并全额退还已收取的费用。" },
        ["approve"] = new { },
        ["return"] = new { reason = "请补充退费时间" },
        ["extend"] = new { reason = "需调取收费记录", workingDays = 3 },
        ["extension/approve"] = new { },
        ["extension/reject"] = new { reason = "理由不充分" },
        ["urge"] = new { note = "请尽快办理" },
        ["close"] = new { result = "已退费" },
        ["send-back"] = new { reason = "家长不满意" },
        ["note"] = new { text = "备注" },
        ["propose"] = new { text = "约谈班主任" },
        ["instruct"] = new { text = "从严处理" },
        ["duplicate"] = new { originalNumber = "YG00000000-0001" },
        ["revisit"] = new { satisfaction = "Satisfied", record = "满意" },
        ["reveal"] = new { },
    };

    [Theory]
    [InlineData("east", "dispatch,approve,return,extension/approve,extension/reject,urge,close,send-back,instruct,duplicate,revisit")]
    [InlineData("leader", "dispatch,reply,extend,urge,close,send-back,propose,duplicate,revisit")]
    [InlineData("viewer", "dispatch,reply,approve,return,extend,extension/approve,extension/reject,urge,close,send-back,note,propose,instruct,duplicate,revisit,reveal")]
    public async Task Actions_RoleMayNot_Return403AndLeaveTheTicketAlone(string user, string forbidden)
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        using var client = await host.ApiAsync(user);

        foreach (var action in forbidden.Split(','))
        {
            var response = await client.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/{action}", Actions[action]);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {action}: {(int)response.StatusCode}");
            Assert.Equal("没有权限执行此操作", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal(2, host.WithDb(db => db.TicketEvents.Count(e => e.TicketId == ticket.Id)));
    }

    [Theory]
    [InlineData("west", "reply,extend,note,propose,reveal")]
    [InlineData("dcadmin", "dispatch,urge,close,send-back,note,propose,duplicate,revisit,reveal,extension/approve")]
    public async Task Actions_TicketOutsideTheCallersSubtree_Return404WithoutItsData(string user, string actions)
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(school: "西城区第一小学");
        using var admin = await host.ApiAsync("admin");
        // Handled by the east school (west handler: not theirs); received by the city (DC district admin: not theirs).
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        if (user == "dcadmin")
        {
            (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool })).EnsureSuccessStatusCode();
        }

        using var client = await host.ApiAsync(user);
        var get = await client.GetAsync($"/api/staff/tickets/{ticket.Number}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        foreach (var action in actions.Split(','))
        {
            var response = await client.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/{action}", Actions[action]);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{user} {action}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("教辅", text, StringComparison.Ordinal);
            Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Actions_StateForbids_Return409NamingTheState()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");

        foreach (var action in new[] { "reply", "approve", "return", "extend", "close", "send-back", "revisit" })
        {
            var response = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/{action}", Actions[action]);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{action}: {(int)response.StatusCode} {problem}");
            Assert.Equal("当前状态不允许此操作", problem.GetProperty("title").GetString());
            Assert.Contains("已受理", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("已受理", problem.GetProperty("ticketStatusLabel").GetString());
        }

        Assert.Equal(TicketStatus.Received, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
    }
}
