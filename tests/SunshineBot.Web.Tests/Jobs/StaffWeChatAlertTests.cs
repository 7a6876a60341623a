using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Jobs.Deadlines;
using SunshineBot.Web.Tests.WeChat;
using SunshineBot.Web.Tickets;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>Staff whose account carries a WeChat OpenID get their alerts as WeChat template messages too.</summary>
public sealed class StaffWeChatAlertTests
{
    private const string DutyOpenId = "oDutyStaff0000000000000000001";
    private const string TemplateSend = "/cgi-bin/message/template/send";

    [Fact]
    public async Task UrgentTicket_SaturdayNight_OnDutyStaffWithOpenIdGetsATemplateLinkingToTheTicket()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        await using var host = await StartAsync(Beijing(6, 13, 23), Settings(fake));
        await host.WithDbAsync(async db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "duty1", CreatedAt = host.Clock.GetUtcNow() });
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "c1", CreatedAt = host.Clock.GetUtcNow() });
            (await db.StaffUsers.SingleAsync(u => u.UserName == "duty1")).SetWeChatOpenId(DutyOpenId);
            await db.SaveChangesAsync();
        });

        var ticket = await host.Use<FileTicket, Ticket>(f => f.RunAsync(new TicketIntake
        {
            Kind = TicketKind.Report, Severity = Severity.Urgent, Channel = Channel.Phone, Category = TicketCategory.Other,
            Description = "学校食堂多名学生腹痛呕吐，家长电话13912345678", VisitorName = "李先生", VisitorPhone = "13912345678",
        }, new Actor("staff:1", "受理员")));

        // Both on duty see it in the list; only duty1 has WeChat, and gets exactly one message.
        Assert.Equal(["c1", "duty1"], (await host.NotificationsAsync("urgent")).Select(n => n.UserName).Order().ToArray());
        await WeChatTestHost.WaitForAsync(() => fake.RequestsTo(TemplateSend).Any(r => r.Accepted), "the staff alert");
        var sent = Assert.Single(fake.RequestsTo(TemplateSend));
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal(DutyOpenId, body.RootElement.GetProperty("touser").GetString());
        Assert.Equal($"https://ygfw.example.cn/staff/tickets/{ticket.Number}", body.RootElement.GetProperty("url").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("重大特急件提醒", data.GetProperty("first").GetProperty("value").GetString());
        Assert.Equal(ticket.Number, data.GetProperty("keyword1").GetProperty("value").GetString());
        Assert.DoesNotContain("13912345678", sent.Body, StringComparison.Ordinal);
        var row = await host.RunAsync(sp => sp.GetRequiredService<Data.SunshineDbContext>().Outbox.AsNoTracking().SingleAsync(o => o.Recipient == DutyOpenId));
        Assert.Contains("139****5678", row.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", row.PayloadJson, StringComparison.Ordinal);

        // The scan that follows finds the alert done and queues nothing more.
        Assert.Empty(await host.Use<Web.Jobs.Urgent.AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.Equal(1, await host.RunAsync(sp => sp.GetRequiredService<Data.SunshineDbContext>().Outbox.CountAsync(o => o.Recipient == DutyOpenId)));
    }

    [Fact]
    public async Task OverdueTicket_HandlerWithOpenId_GetsTheOverdueNoticeOnWeChatOnce()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        await using var host = await StartAsync(Beijing(6, 1, 9), Settings(fake));
        await host.WithDbAsync(async db =>
        {
            (await db.StaffUsers.SingleAsync(u => u.UserName == "h1")).SetWeChatOpenId("oHandler00000000000000000001");
            await db.SaveChangesAsync();
        });
        var number = await host.FileAsync();
        host.Clock.Set(Beijing(6, 30, 10)); // long past the reply limit

        await host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));
        await host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));

        await WeChatTestHost.WaitForAsync(() => fake.RequestsTo(TemplateSend).Any(r => r.Accepted), "the overdue alert");
        var rows = await host.RunAsync(sp => sp.GetRequiredService<Data.SunshineDbContext>().Outbox.AsNoTracking()
            .Where(o => o.Recipient == "oHandler00000000000000000001").ToListAsync());
        var overdue = Assert.Single(rows, r => r.SourceRef!.StartsWith("staff:overdue:", StringComparison.Ordinal));
        Assert.Contains(number, overdue.PayloadJson, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(FakeWeChatServer fake) => new()
    {
        ["WeChat:Token"] = "stafftoken",
        ["WeChat:AppId"] = FakeWeChatServer.AppId,
        ["WeChat:AppSecret"] = FakeWeChatServer.AppSecret,
        ["WeChat:Mode"] = "Plain",
        ["WeChat:ApiBaseUrl"] = fake.BaseUrl.ToString(),
        ["WeChat:WebChatUrl"] = "https://ygfw.example.cn/",
        ["WeChat:Template:Id"] = "tmpl-staff-alerts",
        ["WeChat:Outbox:PollInterval"] = "00:00:00.100",
    };
}
