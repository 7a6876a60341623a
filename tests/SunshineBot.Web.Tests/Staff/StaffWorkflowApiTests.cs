using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Every ticket action through the API, each by a role that may take it.</summary>
public sealed class StaffWorkflowApiTests
{
    private const string GoodReply = "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还，并对该班主任进行了批评教育。";

    [Fact]
    public async Task DispatchReplyApprove_HappyPath_PublishesTheLetterToTheParent()
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var leader = await host.ApiAsync("leader");

        var dispatched = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool, note = "请3日内答复" }));
        var replied = await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = GoodReply }));
        Assert.Empty(host.Notifier.Published);
        var approved = await Ok(await leader.PostAsync($"/api/staff/tickets/{ticket.Number}/approve", null));

        Assert.Equal("Dispatched", dispatched.GetProperty("status").GetString());
        Assert.Equal("PendingReview", replied.GetProperty("status").GetString());
        Assert.Equal("Replied", approved.GetProperty("status").GetString());
        var letter = approved.GetProperty("replyText").GetString()!;
        Assert.StartsWith("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", letter, StringComparison.Ordinal);
        Assert.Contains("我校进行了调查处理（核实），现回复如下：", letter, StringComparison.Ordinal);
        Assert.Contains(GoodReply, letter, StringComparison.Ordinal);
        Assert.Contains("欢迎拨打东城区第一小学电话0734-8100101咨询", letter, StringComparison.Ordinal);
        Assert.Contains("东城区第一小学（公章）", letter, StringComparison.Ordinal);
        Assert.Equal([ticket.Number], host.Notifier.Published);
    }

    [Theory]
    [InlineData("已转东城区第一小学处理。")]
    [InlineData("您反映的问题已收悉，已转交相关部门处理，感谢您的关注。")]
    [InlineData("已处理。")]
    public async Task Reply_ThinBoilerplate_IsRefusedWithAReason(string text)
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });

        var response = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("套话|过于简单", problem.GetProperty("detail").GetString());
        Assert.Equal(TicketStatus.Dispatched, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
    }

    [Fact]
    public async Task Reply_UnitWithoutStamp_IsRefused()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });

        var response = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = GoodReply });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("公章", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnExtendUrgeNoteProposeInstruct_ByTheirRoles_AllLandOnTheTimeline()
    {
        using var host = new StaffTestHost();
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        var n = ticket.Number;
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var leader = await host.ApiAsync("leader");

        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/dispatch", new { unitCode = StaffTestHost.EastSchool }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/propose", new { text = "约谈班主任，核实收费情况" }));
        await Ok(await leader.PostAsJsonAsync($"/api/staff/tickets/{n}/instruct", new { text = "严查，如属实全额退费" }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/extend", new { reason = "需要调取全年级收费记录", workingDays = 3 }));
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/extension/approve", new { }));
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/urge", new { note = "请尽快答复" }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/note", new { text = "已电话联系家长了解情况" }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply }));
        var returned = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/return", new { reason = "请写明退费的具体时间和方式" }));

        Assert.Equal("Dispatched", returned.GetProperty("status").GetString());
        Assert.Equal("严查，如属实全额退费", returned.GetProperty("leaderInstruction").GetString());
        Assert.Equal(1, returned.GetProperty("urgeCount").GetInt32());
        var actions = returned.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["Receive", "Dispatch", "ProposeAction", "LeaderInstruct", "RequestExtension", "ApproveExtension", "Urge", "AddNote", "Reply", "Return"], actions);
    }

    [Fact]
    public async Task RevisitCloseSendBackDuplicate_ByTheCentreAdmin_FollowTheStateMachine()
    {
        using var host = new StaffTestHost(new() { ["Staff:Reply:RequireReview"] = "false" });
        host.SetStamp(StaffTestHost.EastSchool);
        var ticket = await host.FileComplaintAsync();
        var other = await host.FileComplaintAsync();
        var n = ticket.Number;
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");

        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/dispatch", new { unitCode = StaffTestHost.EastSchool }));
        var replied = await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply }));
        // A phone revisit recorded as 不满意 sends the ticket back by itself, as the chat's revisit does.
        var revisited = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/revisit", new { satisfaction = "Unsatisfied", record = "家长说钱还没退" }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply + "退费已于今日完成。" }));
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/revisit", new { satisfaction = "Satisfied" }));
        var closed = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/close", new { result = "已全额退费，家长满意" }));
        var duplicate = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{other.Number}/duplicate", new { originalNumber = n }));

        Assert.Equal("Replied", replied.GetProperty("status").GetString());
        Assert.Equal(("Dispatched", 1), (revisited.GetProperty("status").GetString(), revisited.GetProperty("redoCount").GetInt32()));
        var steps = revisited.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["RecordRevisit", "SendBack"], steps.TakeLast(2));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("Duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(n, duplicate.GetProperty("duplicateOfNumber").GetString());
        Assert.Equal(2, host.Notifier.Published.Count);
    }

    [Fact]
    public async Task RecordRevisit_PhoneUnsatisfiedTwice_SentBackThenEscalatedLikeTheChat()
    {
        using var host = new StaffTestHost(new() { ["Staff:Reply:RequireReview"] = "false" });
        host.SetStamp(StaffTestHost.EastSchool);
        var n = (await host.FileComplaintAsync()).Number;
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/dispatch", new { unitCode = StaffTestHost.EastSchool }));

        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply }));
        var first = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/revisit", new { satisfaction = "Unsatisfied", record = "电话回访：钱还没退" }));
        await Ok(await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply + "已安排退费。" }));
        var second = await Ok(await admin.PostAsJsonAsync($"/api/staff/tickets/{n}/revisit", new { satisfaction = "Unsatisfied", record = "电话回访：仍未退费" }));

        Assert.Equal(("Dispatched", 1, 0), (first.GetProperty("status").GetString(), first.GetProperty("redoCount").GetInt32(), first.GetProperty("urgeCount").GetInt32()));
        Assert.Equal(("Dispatched", 2, 1), (second.GetProperty("status").GetString(), second.GetProperty("redoCount").GetInt32(), second.GetProperty("urgeCount").GetInt32()));
        Assert.Equal("电话回访：仍未退费", second.GetProperty("redoReason").GetString());
    }

    [Fact]
    public async Task Reveal_HandlerOnConfidentialTicket_IsForbiddenAndMasked()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(confidential: true);
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });

        var view = await east.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{ticket.Number}");
        var reveal = await east.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null);

        Assert.Equal("张**", view.GetProperty("visitorName").GetString());
        Assert.Equal("138****5678", view.GetProperty("visitorPhone").GetString());
        Assert.False(view.GetProperty("canRevealContact").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        Assert.DoesNotContain("13812345678", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_Leader_ShowsTheContactAndRecordsAnEvent()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var leader = await host.ApiAsync("leader");
        using var viewer = await host.ApiAsync("viewer");

        var response = await leader.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null);
        var revealed = await Ok(response);
        var again = await leader.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{ticket.Number}");
        var byViewer = await viewer.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null);

        Assert.Equal("张三丰", revealed.GetProperty("visitorName").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("13812345678", revealed.GetProperty("visitorPhone").GetString());
        Assert.Equal("张**", again.GetProperty("visitorName").GetString());
        var reveal = Assert.Single(again.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("action").GetString() == "RevealContact");
        Assert.Equal("leader老师", reveal.GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
