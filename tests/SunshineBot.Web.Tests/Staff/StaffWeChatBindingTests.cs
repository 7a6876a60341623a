using System.Net;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Centre admins bind a staff member's WeChat OpenID on the accounts page; alerts then also go to WeChat.</summary>
public sealed class StaffWeChatBindingTests
{
    private const string OpenId = "oEastHandler0000000000000001";

    [Fact]
    public async Task UsersPage_AdminBindsThenClearsAnOpenId_StoredAndShown()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var bound = await admin.PostFormAsync("/staff/users", "/staff/users?handler=WeChat", new() { ["userName"] = "east", ["openId"] = " " + OpenId + " " });

        Assert.True(bound.IsSuccessStatusCode || bound.StatusCode == HttpStatusCode.Redirect, bound.StatusCode.ToString());
        Assert.Equal(OpenId, host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").WeChatOpenId));
        Assert.Contains(OpenId, await admin.GetPageAsync("/staff/users"), StringComparison.Ordinal);

        await admin.PostFormAsync("/staff/users", "/staff/users?handler=WeChat", new() { ["userName"] = "east", ["openId"] = "" });
        Assert.Null(host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").WeChatOpenId));
    }

    [Fact]
    public async Task UsersPage_MalformedOpenId_RefusedInChineseAndTheOldValueKept()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");
        await admin.PostFormAsync("/staff/users", "/staff/users?handler=WeChat", new() { ["userName"] = "east", ["openId"] = OpenId });

        var refused = await admin.PostFormAsync("/staff/users", "/staff/users?handler=WeChat", new() { ["userName"] = "east", ["openId"] = "<script>alert(1)</script>" });

        Assert.Contains("OpenID 格式不对", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OpenId, host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").WeChatOpenId));
    }

    [Fact]
    public async Task UsersPage_HandlerPostsABinding_ForbiddenAndNothingStored()
    {
        using var host = new StaffTestHost();
        using var east = await host.PagesAsync("east");

        var response = await east.PostFormAsync("/staff", "/staff/users?handler=WeChat", new() { ["userName"] = "east", ["openId"] = OpenId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").WeChatOpenId));
    }
}
