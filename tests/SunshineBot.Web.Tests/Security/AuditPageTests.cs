using System.Net;
using System.Net.Http.Json;
using SunshineBot.Web.Tests.Staff;

namespace SunshineBot.Web.Tests.Security;

/// <summary>安全日志: sign-ins, failures, lockouts, reveals, exports and role and unit changes, for centre admins only.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task AuditPage_AfterEachKindOfAct_ListsThemAllForTheAdmin()
    {
        using var host = new StaffTestHost(new() { ["Staff:MaxFailedLogins"] = "3" });
        var ticket = await host.FileComplaintAsync();
        using var anon = host.App.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await anon.PostAsJsonAsync("/api/staff/token", new { username = "west", password = "wrong-password" });
        }

        await anon.PostAsJsonAsync("/api/staff/token", new { username = "nobody", password = "wrong-password" });
        using var api = await host.ApiAsync("admin");
        (await api.PostAsync($"/api/staff/tickets/{ticket.Number}/reveal", null)).EnsureSuccessStatusCode();
        (await api.GetAsync("/api/staff/tickets/export")).EnsureSuccessStatusCode();
        using var pages = await host.PagesAsync("admin");
        var assigned = await pages.PostFormAsync("/staff/users", "/staff/users?handler=Assign", new() { ["userName"] = "east", ["role"] = "Leader", ["unitCode"] = StaffTestHost.WestSchool });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        var html = await pages.GetPageAsync("/staff/audit");

        foreach (var label in new[] { "登录失败", "账号锁定", "登录", "查看联系方式", "导出台账", "修改角色", "修改单位" })
        {
            Assert.Contains($"<td>{label}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("nobody", html, StringComparison.Ordinal);
        Assert.Contains($">{ticket.Number}</a>", html, StringComparison.Ordinal);
        Assert.Contains("承办人 → 领导", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", html, StringComparison.Ordinal);
        var onlyReveals = await pages.GetPageAsync("/staff/audit?kind=reveal");
        Assert.DoesNotContain("<td>导出台账</td>", onlyReveals, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("east")]
    public async Task AuditPage_NotACentreAdmin_Forbidden(string user)
    {
        using var host = new StaffTestHost();
        using var pages = await host.PagesAsync(user);

        var response = await pages.Http.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
