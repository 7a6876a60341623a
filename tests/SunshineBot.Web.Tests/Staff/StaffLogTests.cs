using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Logs name accounts and ticket numbers, never a parent's name or phone (seed 004 scores a leak).</summary>
public sealed class StaffLogTests
{
    private const string GoodReply = "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。";

    [Fact]
    public async Task Logs_EveryStaffActionAtDebugLevel_NeverHoldTheParentsNameOrPhone()
    {
        using var host = new StaffTestHost(new()
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        });
        host.SetStamp(StaffTestHost.EastSchool);
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var leader = await host.ApiAsync("leader");

        var created = await admin.PostAsJsonAsync("/api/staff/tickets", new
        {
            channel = "Phone", kind = "Complaint", category = "SupplementaryMaterials", schoolName = "东城区第一小学",
            description = "家长欧阳明月反映学校统一征订教辅，联系电话13900001111。", visitorName = "欧阳明月", visitorPhone = "13900001111",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var n = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{n}/dispatch", new { unitCode = StaffTestHost.EastSchool, note = "请核实" }));
        await Ok(east.PostAsync($"/api/staff/tickets/{n}/reveal", null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = "已转班主任处理。" })).StatusCode);
        await Ok(east.PostAsJsonAsync($"/api/staff/tickets/{n}/reply", new { text = GoodReply }));
        await Ok(leader.PostAsync($"/api/staff/tickets/{n}/approve", null));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{n}/revisit", new { satisfaction = "Satisfied", record = "欧阳明月表示满意" }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{n}/close", new { result = "已退费" }));
        await Ok(admin.GetAsync("/api/staff/tickets/export"));
        using (var pages = await host.PagesAsync("leader"))
        {
            var revealed = await pages.PostFormAsync($"/staff/tickets/{n}", $"/staff/tickets/{n}?handler=Reveal", []);
            Assert.Contains("13900001111", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await pages.GetPageAsync($"/staff/tickets/{n}/print");
        }

        var lines = host.Logs.Lines;
        Assert.Contains(lines, l => l.Contains($"Ticket {n} replied by staff east", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Ledger exported by staff admin", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("欧阳明月", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("13900001111", StringComparison.Ordinal));
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
