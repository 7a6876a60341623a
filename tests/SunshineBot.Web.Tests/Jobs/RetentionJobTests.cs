using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Chat;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Jobs.Retention;
using SunshineBot.Web.Security;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>
/// The retention job on a real SQLite database: five years after a finished ticket's last activity the parent's data
/// is gone from the ticket, its timeline, its attachments and the parent's chat; the ledger's facts are not touched.
/// </summary>
public sealed class RetentionJobTests
{
    private const string Secret = "我叫李四，电话13912345678，微信lisi_2026";
    private static readonly DateTimeOffset Now = new(2031, 6, 20, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Staff = new("staff:1", "承办人甲");

    [Fact]
    public async Task Anonymise_ClosedJustOverFiveYearsAgo_RemovesTheParentKeepsTheFactsAndASecondRunChangesNothing()
    {
        await using var host = await JobsTestHost.StartAsync(Now);
        var old = await FileAndCloseAsync(host, "dev-old", closedAt: Now.AddYears(-5).AddDays(-1));
        var recent = await FileAndCloseAsync(host, "dev-recent", closedAt: Now.AddYears(-5).AddDays(1));
        host.Clock.Set(Now.AddYears(-5).AddDays(-30));
        var open = await FileAsync(host, "dev-open");
        host.Clock.Set(Now);
        var before = await MetricsAsync(host);
        var oldEvents = (await host.TicketAsync(old)).Events.Select(e => (e.Action, e.At, e.ActorName)).ToList();

        var first = await host.Use<AnonymiseClosedTickets, IReadOnlyList<string>>(a => a.RunAsync(default));

        Assert.Equal([old], first);
        var ticket = await host.TicketAsync(old);
        Assert.Equal((null, null, null), (ticket.VisitorName, ticket.VisitorPhone, ticket.FiledBy));
        // The phone's blind index goes with the phone: track-by-phone no longer finds the ticket.
        Assert.Equal(0, await host.RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().Tickets.Where(t => t.Number == old)
            .CountAsync(t => EF.Property<string?>(t, TicketContacts.PhoneIndex) != null)));
        Assert.Equal(AnonymiseClosedTickets.Removed, ticket.Description);
        Assert.Equal(AnonymiseClosedTickets.Removed, ticket.RevisitRecord);
        Assert.Equal((TicketStatus.Closed, Satisfaction.Satisfied, TicketCategory.SupplementaryMaterials), (ticket.Status, ticket.Satisfaction, ticket.Category));
        Assert.Equal(oldEvents, ticket.Events.Select(e => (e.Action, e.At, e.ActorName)).ToList());
        Assert.Empty(ticket.Attachments);
        Assert.Contains(ticket.Events, e => e.ActorId == AnonymiseClosedTickets.AnonymousParent && e.Note == AnonymiseClosedTickets.Removed);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.RecordRevisit && e.Note == "满意；" + AnonymiseClosedTickets.Removed);
        var texts = string.Join("\n", new[] { ticket.Description, ticket.ReplyText, ticket.Result, ticket.RevisitRecord }
            .Concat(ticket.Events.Select(e => e.Note + " " + e.ActorId)).Concat(ticket.Attachments.Select(a => a.FileName)));
        foreach (var leak in new[] { "李四", "13912345678", "lisi_2026", "张女士", "13800000000", "dev-old" })
        {
            Assert.DoesNotContain(leak, texts, StringComparison.Ordinal);
        }

        Assert.Equal(0, await ChatRowsAsync(host, "dev-old"));
        Assert.False(File.Exists(await UploadPathAsync(host, "dev-old.jpg")));
        var audit = await host.RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().AuditLog.AsNoTracking().Where(a => a.Kind == AuditKinds.Retention).ToListAsync());
        Assert.Equal(old, Assert.Single(audit).Subject);

        foreach (var (number, device) in new[] { (recent, "dev-recent"), (open, "dev-open") })
        {
            var kept = await host.TicketAsync(number);
            Assert.Equal(("张女士", "13800000000", device), (kept.VisitorName, kept.VisitorPhone, kept.FiledBy));
            Assert.Contains("13912345678", kept.Description, StringComparison.Ordinal);
            Assert.Equal(3, await ChatRowsAsync(host, device));
        }

        Assert.True(File.Exists(await UploadPathAsync(host, "dev-recent.jpg")));
        Assert.Equal(before, await MetricsAsync(host));

        var version = ticket.Version;
        Assert.Empty(await host.Use<AnonymiseClosedTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.Equal(version, (await host.TicketAsync(old)).Version);
        Assert.Equal(before, await MetricsAsync(host));
    }

    [Fact]
    public async Task Anonymise_RetentionYearsZero_KeepsEverything()
    {
        await using var host = await JobsTestHost.StartAsync(Now, new() { ["Privacy:RetentionYears"] = "0" });
        var old = await FileAndCloseAsync(host, "dev-old", closedAt: Now.AddYears(-9));
        host.Clock.Set(Now);

        Assert.Empty(await host.Use<AnonymiseClosedTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.Equal("张女士", (await host.TicketAsync(old)).VisitorName);
    }

    private static async Task<string> FileAsync(JobsTestHost host, string device)
    {
        var ticket = await host.Use<FileTicket, Ticket>(f => f.RunAsync(new TicketIntake
        {
            Kind = TicketKind.Complaint, Severity = Severity.Normal, Channel = Channel.WebChat, Category = TicketCategory.SupplementaryMaterials,
            Description = "学校要求统一购买教辅资料。" + Secret, VisitorName = "张女士", VisitorPhone = "13800000000", FiledBy = device,
        }, new Actor("staff:0", "受理员")));
        var parent = new Actor("parent:" + device, "家长");
        var at = host.Clock.GetUtcNow();
        await host.ChangeAsync(ticket.Number, (t, now, _) =>
        {
            t.Dispatch(Staff, now, "T-SCH");
            t.AddNote(parent, now, "家长补充：" + Secret);
            t.AddAttachment(parent, now, new TicketAttachment("李四的收据.jpg", "image/jpeg", 3, device + ".jpg", now));
        });
        await File.WriteAllBytesAsync(await UploadPathAsync(host, device + ".jpg"), [1, 2, 3]);
        await host.WithDbAsync(async db =>
        {
            db.ChatMessages.Add(new ChatMessage { Channel = ParentChannel.WebChat, UserId = device, Direction = "in", Text = Secret, Source = "parent", At = at });
            db.ChatInbound.Add(new ChatInbound { Channel = ParentChannel.WebChat, UserId = device, MessageId = device + "-1", At = at });
            db.ChatConversations.Add(new ChatConversation { Channel = ParentChannel.WebChat, UserId = device, StateJson = "{\"phone\":\"13912345678\"}", UpdatedAt = at });
            await db.SaveChangesAsync();
        });
        return ticket.Number;
    }

    private static async Task<string> FileAndCloseAsync(JobsTestHost host, string device, DateTimeOffset closedAt)
    {
        host.Clock.Set(closedAt.AddDays(-10));
        var number = await FileAsync(host, device);
        host.Clock.Set(closedAt);
        await host.ChangeAsync(number, (t, now, _) =>
        {
            t.Reply(Staff, now, "张女士您好：经核查，已责令学校停止统一征订并退费。", requireReview: false);
            t.RecordRevisit(Staff, now, Satisfaction.Satisfied, "家长说：" + Secret);
            t.Close(Staff, now, "已退费，家长张女士满意");
        });
        return number;
    }

    private static Task<int> ChatRowsAsync(JobsTestHost host, string device) => host.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SunshineDbContext>();
        return await db.ChatMessages.CountAsync(m => m.UserId == device) + await db.ChatInbound.CountAsync(m => m.UserId == device)
            + await db.ChatConversations.CountAsync(c => c.UserId == device);
    });

    private static Task<string> UploadPathAsync(JobsTestHost host, string key) => host.RunAsync(sp =>
    {
        var root = Path.GetFullPath(sp.GetRequiredService<ChatOptions>().UploadPath, sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        Directory.CreateDirectory(root);
        return Task.FromResult(Path.Combine(root, key));
    });

    private static Task<string> MetricsAsync(JobsTestHost host) => host.RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SunshineDbContext>();
        var root = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "YGS");
        var report = await sp.GetRequiredService<BuildReports>().MetricsAsync(root, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), default);
        Assert.True(report.Metrics.Received >= 3);
        return JsonSerializer.Serialize(report, ScoreSheetFiles.Json);
    });
}
