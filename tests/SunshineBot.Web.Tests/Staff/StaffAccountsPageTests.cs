using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Core.Staff;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Centre admins move accounts between roles and units and re-open disabled ones on the accounts page.</summary>
public sealed class StaffAccountsPageTests
{
    [Fact]
    public async Task Assign_HandlerMovedToAnotherSchool_SeesThatSchoolOnItsNextRequest()
    {
        using var host = new StaffTestHost();
        using var eastApi = await host.ApiAsync("east");
        Assert.Contains(StaffTestHost.EastSchool, await UnitsAsync(eastApi));
        using var admin = await host.PagesAsync("admin");

        var moved = await admin.PostFormAsync("/staff/users", "/staff/users?handler=Assign",
            new() { ["userName"] = "east", ["role"] = nameof(StaffRole.Leader), ["unitCode"] = StaffTestHost.WestSchool });

        Assert.True(moved.IsSuccessStatusCode || moved.StatusCode == HttpStatusCode.Redirect, moved.StatusCode.ToString());
        Assert.Equal((StaffRole.Leader, StaffTestHost.WestSchool), host.WithDb(db => db.StaffUsers.Where(u => u.UserName == "east").Select(u => new { u.Role, u.UnitCode }).AsEnumerable().Select(u => (u.Role, u.UnitCode)).Single()));
        var units = await UnitsAsync(eastApi); // the same token: role and unit are read per request
        Assert.Contains(StaffTestHost.WestSchool, units);
        Assert.DoesNotContain(StaffTestHost.EastSchool, units);
    }

    [Fact]
    public async Task Assign_OwnAccountOrAUnitOutsideTheSubtree_RefusedAndNothingChanged()
    {
        using var host = new StaffTestHost();
        using var dcadmin = await host.PagesAsync("dcadmin");

        var own = await dcadmin.PostFormAsync("/staff/users", "/staff/users?handler=Assign",
            new() { ["userName"] = "dcadmin", ["role"] = nameof(StaffRole.Viewer), ["unitCode"] = "YGS-DC" });
        Assert.Contains("不能修改自己的角色或单位", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // West school is outside the 东城区 admin's subtree: refused, east stays where it is.
        await dcadmin.PostFormAsync("/staff/users", "/staff/users?handler=Assign",
            new() { ["userName"] = "east", ["role"] = nameof(StaffRole.Handler), ["unitCode"] = StaffTestHost.WestSchool });

        Assert.Equal(StaffRole.CentreAdmin, host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "dcadmin").Role));
        Assert.Equal(StaffTestHost.EastSchool, host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").UnitCode));
    }

    [Fact]
    public async Task Enable_DisabledAccount_CanSignInAgain()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");
        await admin.PostFormAsync("/staff/users", "/staff/users?handler=Disable", new() { ["userName"] = "east" });
        using var anonymous = host.App.CreateClient();
        var refused = await anonymous.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await admin.PostFormAsync("/staff/users", "/staff/users?handler=Enable", new() { ["userName"] = "east" });

        var token = await anonymous.PostAsJsonAsync("/api/staff/token", new { username = "east", password = StaffTestHost.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.True(host.WithDb(db => db.StaffUsers.Single(u => u.UserName == "east").Active));
    }

    private static async Task<List<string>> UnitsAsync(HttpClient api)
    {
        var units = await api.GetFromJsonAsync<JsonElement>("/api/staff/units");
        return units.EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
    }
}
