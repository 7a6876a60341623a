using System.Net;
using System.Net.Http.Json;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Tests.Staff;

public sealed class DemoStampTests
{
    [Fact]
    public async Task FirstStart_DemoUnits_HaveAMarkedDemoStampAndTheFirstReplyIsAccepted()
    {
        using var host = new StaffTestHost(new() { ["Bootstrap:DemoStamps"] = "true" });
        var file = Path.Combine(host.DataPath, "stamps", StaffTestHost.EastSchool + ".png");
        Assert.Equal("image/png", StampStore.Sniff(await File.ReadAllBytesAsync(file)));
        Assert.All(host.WithDb(db => db.Units.Select(u => u.StampImageRef).ToList()), r => Assert.NotNull(r));

        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        var reply = await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new
        {
            text = "经我校核实，班主任要求购买的教辅资料未经学校同意，属于违规行为。学校已责令停止收费，已收取的费用本周内全额退还。",
        });

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }
}
