using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tests.Staff;

public sealed class StaffApiTests
{
    [Fact]
    public async Task Token_WrongPassword_Returns401WithChineseTitle()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = "nope-nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("登录失败", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_FiveFailures_LocksEvenTheRightPassword()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = "wrong-" + i });
        }

        var response = await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password });

        Assert.Equal((HttpStatusCode)423, response.StatusCode);
        Assert.Contains("锁定", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").LockedUntil) > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Token_RightPassword_ReturnsAccessTokenAndExpiry()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();

        var body = await (await client.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Api_NoOrForgedToken_Returns401ProblemWithChineseTitle()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();
        using var forged = host.App.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        foreach (var response in new[] { await client.GetAsync("/api/staff/tickets"), await forged.PostAsJsonAsync("/api/staff/tickets/YG1/note", new { text = "x" }) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("请先登录", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Theory]
    [InlineData("/api/staff/tickets/{n}/dispatch", "{\"unitCode\":", "Testing")]
    [InlineData("/api/staff/tickets/{n}/dispatch", "{\"unitCode\":", "Development")]
    [InlineData("/api/staff/tickets/{n}/dispatch", "", "Development")]
    [InlineData("/api/staff/tickets/{n}/extend", "{\"reason\":\"需要时间\",\"workingDays\":\"三天\"}", "Testing")]
    [InlineData("/api/staff/tickets", "{\"channel\":\"Fax\",\"kind\":\"Complaint\"}", "Development")]
    [InlineData("/api/staff/token", "nope", "Testing")]
    public async Task Api_UnreadableBody_Returns400ProblemWithoutEchoingTheRequest(string path, string body, string environment)
    {
        using var host = new StaffTestHost(environment: environment);
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PostAsync(path.Replace("{n}", ticket.Number, StringComparison.Ordinal), body.Length == 0 ? null : content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求格式不正确", JsonSerializer.Deserialize<JsonElement>(text).GetProperty("title").GetString());
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Received, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
    }

    [Fact]
    public async Task Api_DisabledAccount_OldTokenStopsWorking()
    {
        using var host = new StaffTestHost();
        using var east = await host.ApiAsync("east");
        host.WithDb(db =>
        {
            db.StaffUsers.Single(u => u.UserName == "east").Disable();
            return db.SaveChanges();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await east.GetAsync("/api/staff/units")).StatusCode);
    }

    [Fact]
    public async Task Units_Handler_SeesOnlyTheirSubtree()
    {
        using var host = new StaffTestHost();
        using var east = await host.ApiAsync("east");
        using var admin = await host.ApiAsync("admin");

        var mine = await east.GetFromJsonAsync<JsonElement[]>("/api/staff/units");
        var all = await admin.GetFromJsonAsync<JsonElement[]>("/api/staff/units");

        Assert.Equal(StaffTestHost.EastSchool, Assert.Single(mine!).GetProperty("code").GetString());
        Assert.Equal("YGS-DC", mine![0].GetProperty("parentCode").GetString());
        Assert.True(all!.Length >= 9);
    }

    [Fact]
    public async Task GetTicket_OtherUnitsTicket_Returns404WithoutData()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var west = await host.ApiAsync("west");
        using var dcadmin = await host.ApiAsync("dcadmin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });

        var response = await west.GetAsync($"/api/staff/tickets/{ticket.Number}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("教辅", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await west.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/note", new { text = "看看" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dcadmin.GetAsync($"/api/staff/tickets/{ticket.Number}")).StatusCode);
        Assert.Equal(0, (await west.GetFromJsonAsync<JsonElement>("/api/staff/tickets")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Dispatch_ToUnitOutsideTheCallersSubtree_Returns422()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        using var dcadmin = await host.ApiAsync("dcadmin");

        var response = await dcadmin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Close_NewTicket_Returns409NamingTheState()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");

        var response = await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/close", new { result = "已处理完毕" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("当前状态不允许此操作", problem.GetProperty("title").GetString());
        Assert.Contains("已受理", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Received", problem.GetProperty("ticketStatus").GetString());
    }

    [Theory]
    [InlineData("east", "/approve")]
    [InlineData("viewer", "/note")]
    [InlineData("leader", "/dispatch")]
    [InlineData("east", "/urge")]
    public async Task Action_RoleMayNot_Returns403(string user, string path)
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        using var client = await host.ApiAsync(user);

        var response = await client.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}{path}", new { text = "内容", unitCode = StaffTestHost.EastSchool });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("没有权限执行此操作", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Tickets_QueryMatchesNumberAndFilters_BadValueIs400()
    {
        using var host = new StaffTestHost();
        var first = await host.FileComplaintAsync();
        await host.FileComplaintAsync(kind: TicketKind.Consultation, school: "西城区第二小学");
        using var admin = await host.ApiAsync("admin");

        var byNumber = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={first.Number}");
        var bySchool = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=西城区");
        var byKind = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?kind=Consultation&status=Received");
        var bad = await admin.GetAsync("/api/staff/tickets?status=Lost");

        Assert.Equal(first.Number, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal(1, bySchool.GetProperty("total").GetInt32());
        Assert.Equal(1, byKind.GetProperty("total").GetInt32());
        Assert.Equal(2, byKind.GetProperty("counts").GetProperty("toDispatch").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task CreateTicket_PhoneIntake_FilesWithTheCallersUnit()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/staff/tickets", new
        {
            channel = "Hotline12345", kind = "Complaint", category = "Uniforms", description = "学校强制统一订购校服，价格偏高。",
            visitorName = "李四", visitorPhone = "139 0000 1111", schoolName = "东城区实验中学",
        });
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Hotline12345", ticket.GetProperty("channel").GetString());
        Assert.Equal("YGS", ticket.GetProperty("receivingUnitCode").GetString());
        Assert.Equal("李**", ticket.GetProperty("visitorName").GetString());
        Assert.Equal("139****1111", ticket.GetProperty("visitorPhone").GetString());
    }

    [Fact]
    public async Task CreateTicket_ChatChannelOrBadPhone_Returns422()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var chat = await admin.PostAsJsonAsync("/api/staff/tickets", new { channel = "WebChat", kind = "Complaint", category = "Uniforms", description = "校服太贵", visitorPhone = "13900001111" });
        var phone = await admin.PostAsJsonAsync("/api/staff/tickets", new { channel = "Phone", kind = "Complaint", category = "Uniforms", description = "校服太贵", visitorPhone = "12345" });
        using var east = await host.ApiAsync("east");
        var handler = await east.PostAsJsonAsync("/api/staff/tickets", new { channel = "Phone", kind = "Complaint", category = "Uniforms", description = "校服太贵", visitorPhone = "13900001111" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, chat.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, phone.StatusCode);
        Assert.Contains("联系电话", await phone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, handler.StatusCode);
    }

    [Fact]
    public async Task CreateTicket_AnonymousReport_NeverStoresAName()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/staff/tickets", new { channel = "WalkIn", kind = "Report", category = "PaidTutoring", description = "某老师周末有偿补课。", visitorName = "王五", anonymous = true });
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = host.WithDb(db => db.Tickets.Single(t => t.Number == number));
        Assert.Null(stored.VisitorName);
        Assert.True(stored.Confidential);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheStaffEndpoints()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/staff/tickets/{number}/dispatch", document, StringComparison.Ordinal);
        Assert.Contains("/api/staff/token", document, StringComparison.Ordinal);
        Assert.Contains("/api/staff/tickets/export", document, StringComparison.Ordinal);
        Assert.Contains("text/csv", document, StringComparison.Ordinal);
        Assert.Contains("spreadsheetml.sheet", document, StringComparison.Ordinal);
    }
}
