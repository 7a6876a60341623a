using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Jobs.Revisit;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// Personal data a parent wrote (a phone, an ID-card number, names, a WeChat id) put into every free-text field of a
/// confidential ticket, then looked for everywhere a school handler can read it: none of it appears unmasked.
/// </summary>
public sealed class StaffMaskEverywhereTests
{
    private const string Pii = "我是李四海的家长，我叫王小明，电话13912340000，身份证11010519491231002X，微信号wangxm_2026，另外赵大宝也知道。";
    private const string VisitorPhone = "13700001111";
    private const string EastOpenId = "oEastHandler000000000000000001";

    private static readonly string[] Secrets = ["13912340000", "11010519491231002X", "王小明", "李四海", "wangxm_2026", "赵大宝", VisitorPhone];

    private const string GoodReply = "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。";

    [Fact]
    public async Task EveryFreeTextField_SeenByASchoolHandler_ShowsNoPersonalDataAnywhere()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        using var host = new StaffTestHost(new()
        {
            ["WeChat:Token"] = "masktoken",
            ["WeChat:AppId"] = FakeWeChatServer.AppId,
            ["WeChat:AppSecret"] = FakeWeChatServer.AppSecret,
            ["WeChat:Mode"] = "Plain",
            ["WeChat:ApiBaseUrl"] = fake.BaseUrl.ToString(),
            ["WeChat:WebChatUrl"] = "https://ygfw.example.cn/",
            ["WeChat:Template:Id"] = "tmpl-staff-alerts",
            ["Logging:LogLevel:Default"] = "Debug",
        });
        host.SetStamp(StaffTestHost.EastSchool);
        host.WithDb(db =>
        {
            db.StaffUsers.Single(u => u.UserName == "east").SetWeChatOpenId(EastOpenId);
            return db.SaveChanges();
        });
        var n = await FillEveryFieldAsync(host);

        using var east = await host.ApiAsync("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.PostAsync($"/api/staff/tickets/{n}/reveal", null)).StatusCode);
        var ticket = await east.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{n}");
        Assert.Contains("139****0000", ticket.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(ticket.GetProperty("timeline").GetArrayLength() > 8);
        NoSecrets("API ticket", Strings(ticket));
        NoSecrets("API queue", Strings(await east.GetFromJsonAsync<JsonElement>("/api/staff/tickets")));
        NoSecrets("CSV export", await east.GetStringAsync("/api/staff/tickets/export"));
        using (var xlsx = new MemoryStream(await east.GetByteArrayAsync("/api/staff/tickets/export?format=xlsx")))
        {
            var cells = Data.Ledger.LedgerXlsx.Read(xlsx);
            Assert.Contains(cells.SelectMany(r => r), c => c.Contains("139****0000", StringComparison.Ordinal));
            NoSecrets("xlsx export", string.Join("\n", cells.SelectMany(r => r)));
        }

        using var pages = await host.PagesAsync("east");
        foreach (var url in new[] { "/staff", $"/staff/tickets/{n}", $"/staff/tickets/{n}/print", "/staff/notifications" })
        {
            NoSecrets(url, await pages.GetPageAsync(url));
        }

        var notices = host.WithDb(db => db.StaffNotifications.AsNoTracking().Select(x => x.Text).ToList());
        Assert.Contains(notices, x => x.Contains("139****0000", StringComparison.Ordinal));
        NoSecrets("stored notices", string.Join("\n", notices));
        var alerts = host.WithDb(db => db.Outbox.AsNoTracking().Where(o => o.Recipient == EastOpenId).Select(o => o.PayloadJson).ToList());
        Assert.NotEmpty(alerts);
        NoSecrets("WeChat staff alerts", string.Join("\n", alerts.Select(Unescape)));
        NoSecrets("logs", string.Join("\n", host.Logs.Lines));
    }

    [Theory]
    [InlineData("电话：0734-8123456", "0734-8123456")]
    [InlineData("手机+86 139 1234 0000", "139 1234 0000")]
    [InlineData("手机１３９１２３４００００", "１３９１２３４００００")]
    [InlineData("身份证号43010219880808123x", "43010219880808123x")]
    [InlineData("加我vx：zhang_san88", "zhang_san88")]
    [InlineData("wxid_8a7b6c5d4e", "wxid_8a7b6c5d4e")]
    [InlineData("我叫欧阳娜娜", "欧阳娜娜")]
    [InlineData("姓名：钱多多", "钱多多")]
    [InlineData("我是刘小宝妈妈", "刘小宝")]
    public void MaskPatterns_PersonalDataShapes_AreMasked(string text, string secret)
    {
        var masked = Web.Staff.Tickets.FreeTextMask.MaskPatterns(text);
        Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        Assert.Contains("*", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("学校收取120元教辅费，2026年9月1日开学。")]
    [InlineData("与 YG20261201-0001 重复")]
    public void MaskPatterns_OrdinaryText_IsLeftAlone(string text) =>
        Assert.Equal(text, Web.Staff.Tickets.FreeTextMask.MaskPatterns(text));

    // Files the ticket as the chat does, then walks it through every step that writes free text.
    private static async Task<string> FillEveryFieldAsync(StaffTestHost host)
    {
        const string filedBy = "webchat:device-mask";
        string number;
        using (var scope = host.App.Services.CreateScope())
        {
            var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(
                new TicketIntake
                {
                    Kind = TicketKind.Report, Severity = Severity.Urgent, Channel = Channel.WebChat, Category = TicketCategory.SupplementaryMaterials,
                    Description = "学校强制购买教辅。" + Pii, VisitorName = "赵大宝", VisitorPhone = VisitorPhone, SchoolName = "东城区第一小学",
                    Confidential = true, FiledBy = filedBy,
                },
                new Actor(filedBy, "家长"),
                [new TicketAttachment("收据-13912340000.jpg", "image/jpeg", 10, "photos/none.jpg", DateTimeOffset.UnixEpoch)]);
            number = ticket.Number;
            await scope.ServiceProvider.GetRequiredService<ITicketDesk>().LinkToAsync(number, filedBy, "再说一遍：" + Pii, [], default);
        }

        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var leader = await host.ApiAsync("leader");
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/propose", new { text = "拟约谈。" + Pii }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { unitCode = StaffTestHost.EastSchool, note = "请核实。" + Pii }));
        await Ok(leader.PostAsJsonAsync($"/api/staff/tickets/{number}/instruct", new { text = "严查。" + Pii }));
        await Ok(east.PostAsJsonAsync($"/api/staff/tickets/{number}/extend", new { reason = "需核实。" + Pii, workingDays = 3 }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/note", new { text = "备注。" + Pii }));
        await Ok(east.PostAsJsonAsync($"/api/staff/tickets/{number}/reply", new { text = GoodReply + Pii }));
        await Ok(leader.PostAsync($"/api/staff/tickets/{number}/approve", null));
        using (var scope = host.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ITicketDesk>().RecordRevisitAsync(number, filedBy, Satisfaction.Unsatisfied, false, "钱没退。" + Pii, default);
            await scope.ServiceProvider.GetRequiredService<FollowUpRevisits>().RunAsync(default);
        }

        await Ok(east.PostAsJsonAsync($"/api/staff/tickets/{number}/reply", new { text = GoodReply + "退费已完成。" }));
        await Ok(leader.PostAsync($"/api/staff/tickets/{number}/approve", null));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/revisit", new { satisfaction = "Satisfied", record = "满意。" + Pii }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/close", new { result = "已退费。" + Pii }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/finding", new { finding = "Substantiated", note = "核实属实。" + Pii }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/faults", new { kind = "ReplyContradictsFacts", reason = "家长说没退。" + Pii }));
        await Ok(admin.PostAsJsonAsync($"/api/staff/tickets/{number}/conformity", new { followsTemplate = true, hasStamp = true, note = "规范。" + Pii }));
        var stored = host.WithDb(db => db.Tickets.AsNoTracking().Single(t => t.Number == number));
        // The extension reason lives on in the timeline once the reply ends the pending request.
        foreach (var field in new[] { stored.ProposedAction, stored.LeaderInstruction, stored.RedoReason, stored.RevisitRecord, stored.Result })
        {
            Assert.Contains("13912340000", field ?? "", StringComparison.Ordinal);
        }

        Assert.True(host.WithDb(db => db.TicketEvents.Count(e => e.TicketId == stored.Id && e.Note != null && e.Note.Contains("13912340000"))) >= 6);

        return number;
    }

    private static void NoSecrets(string where, string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} shows {secret}");
        }
    }

    private static string Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Object => string.Join("\n", e.EnumerateObject().Select(p => Strings(p.Value))),
        JsonValueKind.Array => string.Join("\n", e.EnumerateArray().Select(Strings)),
        _ => "",
    };

    private static string Unescape(string json) => Strings(JsonDocument.Parse(json).RootElement);

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
