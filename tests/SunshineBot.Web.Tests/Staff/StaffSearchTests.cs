using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Staff full-text search over the ticket index: scope, masking, and an index catching up from another instance.</summary>
public sealed class StaffSearchTests
{
    [Fact]
    public async Task Search_WordsFromDescriptionReplyAndNote_FindTheTicket_RankedAndPaged()
    {
        using var host = new StaffTestHost(new() { ["Staff:PageSize"] = "5" });
        var bus = await host.FileComplaintAsync(description: "校车费每学期收800元，没有任何收费公示，想问这个合理吗");
        var other = await host.FileComplaintAsync(description: "食堂饭菜太贵了，每顿饭要二十五元");
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{other.Number}/note", new { text = "已电话联系食堂承包商核实价格" });

        var byDescription = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=校车费");
        var byNote = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=承包商");
        var nothing = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=游泳馆");

        Assert.Equal([bus.Number], Numbers(byDescription));
        Assert.Equal(1, byDescription.GetProperty("total").GetInt32());
        Assert.Equal([other.Number], Numbers(byNote));
        Assert.Empty(Numbers(nothing));
        Assert.Equal(2, nothing.GetProperty("counts").GetProperty("toDispatch").GetInt32());

        for (var i = 0; i < 5; i++)
        {
            await host.FileComplaintAsync(description: $"第{i}次反映：校车接送时间太早，孩子六点就要出门");
        }

        var first = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=校车&page=1");
        var second = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=校车&page=2");
        Assert.Equal(6, first.GetProperty("total").GetInt32());
        Assert.Equal(5, Numbers(first).Length);
        Assert.Single(Numbers(second));
        Assert.Empty(Numbers(first).Intersect(Numbers(second)));
    }

    [Fact]
    public async Task Search_SchoolHandler_NeverSeesAnotherUnitsTicket()
    {
        using var host = new StaffTestHost();
        var east = await host.FileComplaintAsync(school: "东城区第一小学");
        var west = await host.FileComplaintAsync(school: "西城区第一小学");
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{east.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        await admin.PostAsJsonAsync($"/api/staff/tickets/{west.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool });
        using var eastHandler = await host.ApiAsync("east");

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=教辅资料");
        var mine = await eastHandler.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=教辅资料");
        var theirs = await eastHandler.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={west.Number}");
        var bySchool = await eastHandler.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=西城区");

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal([east.Number], Numbers(mine));
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Empty(Numbers(theirs));
        Assert.Empty(Numbers(bySchool));
    }

    [Fact]
    public async Task Search_ContactTypedInTheDescription_IsNotSearchable_AndHitsAreMasked()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(description: "我是张三丰，电话13812345678，学校强制收取校服费三百元");
        using var viewer = await host.ApiAsync("viewer");
        using var admin = await host.ApiAsync("admin");

        var byPhone = await viewer.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=13812345678");
        var byName = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=张三丰");
        var byMatter = await viewer.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=校服费");

        Assert.Empty(Numbers(byPhone));
        Assert.Empty(Numbers(byName));
        var hit = Assert.Single(byMatter.GetProperty("items").EnumerateArray());
        Assert.Equal(ticket.Number, hit.GetProperty("number").GetString());
        var summary = hit.GetProperty("summary").GetString()!;
        Assert.DoesNotContain("13812345678", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", summary, StringComparison.Ordinal);
        Assert.Contains("138****5678", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TicketsSavedOnASecondInstanceAtOnce_AreFoundOnTheFirst_EachWithItsOwnSequence()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");
        Assert.Empty(Numbers(await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=午托")));
        using var second = new SunshineWebFactory(new() { ["Database:ConnectionString"] = host.Factory.ConnectionString });
        _ = second.Services;

        // Two instances file at the same time: the counter row hands each save its own sequence, in commit order.
        var filed = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => FileAsync(i % 2 == 0 ? host.App.Services : second.Services, $"午托班第{i}周收费没有开票据")));
        var first = await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=午托&page=1");

        var seqs = host.WithDb(db => db.Tickets.Select(t => EF.Property<long>(t, TicketChanges.ChangeSeq)).ToList());
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Equal(seqs.Count, host.WithDb(db => db.ChangeSequences.Single().Value));
        Assert.Equal(12, first.GetProperty("total").GetInt32());

        // A change made on the second instance (a note) is searchable on the first straight away.
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == filed[3]);
            ticket.AddNote(new Actor("staff:1", "管理员"), TimeProvider.System.GetUtcNow(), "已转教育科核查发票");
            await db.SaveChangesAsync();
        }

        Assert.Equal([filed[3]], Numbers(await admin.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=核查发票")));
    }

    private static async Task<string> FileAsync(IServiceProvider services, string description)
    {
        await using var scope = services.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(
            new TicketIntake
            {
                Kind = TicketKind.Complaint,
                Channel = Channel.WebChat,
                Category = TicketCategory.SupplementaryMaterials,
                Description = description,
                SchoolName = "东城区第一小学",
                FiledBy = "webchat:" + Guid.NewGuid().ToString("N"),
            },
            new Actor("webchat:x", "家长"));
        return ticket.Number;
    }

    private static string[] Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToArray();
}
