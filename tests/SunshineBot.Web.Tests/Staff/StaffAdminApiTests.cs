using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>What the 单位 and 账号 pages do, through the API: units, stamps (checked by content, size-limited), accounts and roles.</summary>
public sealed class StaffAdminApiTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Units_AddRenameStampDeactivate_EachThroughTheApi()
    {
        using var host = new StaffTestHost(new() { ["Staff:MaxStampBytes"] = "2048" });
        using var admin = await host.ApiAsync("admin");

        var added = await admin.PostAsJsonAsync("/api/staff/units", new { parentCode = "YGS-DC", code = "YGS-DC-009", name = "东城区第九小学", kind = "School", contactPhone = "0734-8100109" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var renamed = await admin.PutAsJsonAsync("/api/staff/units/YGS-DC-009", new { name = "东城区第九小学（新校区）", contactPhone = "0734-8100109" });
        Assert.Equal("东城区第九小学（新校区）", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var stamp = await admin.PutAsync("/api/staff/units/YGS-DC-009/stamp", Image(Png, "image/png"));
        Assert.Equal(HttpStatusCode.OK, stamp.StatusCode);
        Assert.True((await stamp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hasStamp").GetBoolean());
        Assert.Equal(Png, await admin.GetByteArrayAsync("/api/staff/units/YGS-DC-009/stamp"));

        var text = await admin.PutAsync("/api/staff/units/YGS-DC-009/stamp", Image("不是图片"u8.ToArray(), "image/png"));
        var large = await admin.PutAsync("/api/staff/units/YGS-DC-009/stamp", Image([.. Png, .. new byte[4096]], "image/png"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Contains("PNG或JPEG", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, large.StatusCode);
        Assert.Contains("不能超过2KB", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Png, await admin.GetByteArrayAsync("/api/staff/units/YGS-DC-009/stamp")); // the refused ones changed nothing

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/staff/units/YGS-DC-009/deactivate", null)).StatusCode);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/staff/units");
        Assert.False(units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "YGS-DC-009").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Units_OutsideTheSubtreeOrNotAnAdmin_NotFoundOrForbiddenAndNothingChanged()
    {
        using var host = new StaffTestHost();
        using var county = await host.ApiAsync("dcadmin");
        using var handler = await host.ApiAsync("east");
        var westName = host.WithDb(db => db.Units.Single(u => u.Code == StaffTestHost.WestSchool).Name);

        var foreign = await county.PutAsync($"/api/staff/units/{StaffTestHost.WestSchool}/stamp", Image(Png, "image/png"));
        var rename = await county.PutAsJsonAsync($"/api/staff/units/{StaffTestHost.WestSchool}", new { name = "改名" });
        var add = await handler.PostAsJsonAsync("/api/staff/units", new { parentCode = StaffTestHost.EastSchool, code = "X1", name = "某部门", kind = "Department" });

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("未找到", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal("没有权限执行此操作", (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(westName, host.WithDb(db => db.Units.Single(u => u.Code == StaffTestHost.WestSchool).Name));
        Assert.Null(host.WithDb(db => db.Units.Single(u => u.Code == StaffTestHost.WestSchool).StampImageRef));
        Assert.False(host.WithDb(db => db.Units.Any(u => u.Code == "X1")));
    }

    [Fact]
    public async Task Users_AddAssignResetDisableEnableWeChat_ThroughTheApi()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/staff/users");
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("userName").GetString() == "east" && u.GetProperty("roleLabel").GetString() == "承办人");
        Assert.DoesNotContain("PasswordHash", list.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var weak = await admin.PostAsJsonAsync("/api/staff/users", new { userName = "north", displayName = "北校老师", password = "1", role = "Handler", unitCode = StaffTestHost.EastSchool });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/staff/users", new { userName = "north", displayName = "北校老师", password = "North-Pass-123", role = "Handler", unitCode = StaffTestHost.EastSchool });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var assigned = await admin.PostAsJsonAsync($"/api/staff/users/{id}/assign", new { role = "Leader", unitCode = "YGS-DC" });
        Assert.Equal(("Leader", "YGS-DC"), await RoleAndUnit(assigned));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/staff/users/{id}/reset-password", new { password = "North-Pass-456" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/staff/users/{id}/wechat", new { openId = "oNorthStaff000000000000000001" })).StatusCode);
        var disabled = await admin.PostAsync($"/api/staff/users/{id}/disable", null);
        Assert.False((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        var enabled = await admin.PostAsync($"/api/staff/users/{id}/enable", null);
        var after = await enabled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(after.GetProperty("active").GetBoolean());
        Assert.True(after.GetProperty("weChatBound").GetBoolean());

        using var fresh = host.App.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var token = await fresh.PostAsJsonAsync("/api/staff/token", new { username = "north", password = "North-Pass-456" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Users_CountyAdminOnAnAccountOutsideItsSubtree_NotFound()
    {
        using var host = new StaffTestHost();
        using var county = await host.ApiAsync("dcadmin");
        var west = host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "west").Id);

        var response = await county.PostAsync($"/api/staff/users/{west}/disable", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "west").Active));
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheAdminAndOperationsEndpoints()
    {
        using var host = new StaffTestHost();
        using var client = host.App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[]
        {
            "/api/staff/units/{code}/stamp", "/api/staff/units/{code}/deactivate", "/api/staff/users/{id}/assign", "/api/staff/notifications/{id}/read",
            "/api/staff/knowledge/feedback", "/api/staff/jobs/run", "/api/staff/audit", "/api/staff/reports/monthly/run", "/api/staff/tickets/{number}/attachments/{id}",
        })
        {
            Assert.Contains(path, document, StringComparison.Ordinal);
        }

        Assert.Contains("image/jpeg", document, StringComparison.Ordinal);
    }

    private static ByteArrayContent Image(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<(string?, string?)> RoleAndUnit(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("role").GetString(), body.GetProperty("unitCode").GetString());
    }
}
