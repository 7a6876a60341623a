using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>What the 通知, 知识库, 定时任务, 安全日志 and 月通报 pages do, through the API.</summary>
public sealed class StaffOperationsApiTests
{
    [Fact]
    public async Task Notifications_MarkOneThenAllRead_OnlyTheCallersOwn()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        using var host = new StaffTestHost(clock: clock);
        host.WithDb(db =>
        {
            foreach (var (key, user) in new[] { ("a", "east"), ("b", "east"), ("c", "west") })
            {
                db.StaffNotifications.Add(new Data.Jobs.StaffNotification { Key = key, UserName = user, Kind = "due-soon", Text = "工单即将到期", CreatedAt = clock.GetUtcNow() });
            }

            return db.SaveChanges();
        });
        using var east = await host.ApiAsync("east");
        var first = host.WithDb(db => db.StaffNotifications.Single(n => n.Key == "a").Id);
        var others = host.WithDb(db => db.StaffNotifications.Single(n => n.Key == "c").Id);

        Assert.Equal(HttpStatusCode.NoContent, (await east.PostAsync($"/api/staff/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(1, host.WithDb(db => db.StaffNotifications.Count(n => n.ReadAt != null)));
        await east.PostAsync($"/api/staff/notifications/{others}/read", null);
        await east.PostAsync("/api/staff/notifications/read", null);

        Assert.Equal(["c"], host.WithDb(db => db.StaffNotifications.Where(n => n.ReadAt == null).Select(n => n.Key).ToList()));
    }

    [Fact]
    public async Task Attachment_InScopeOrNot_TheFileOrNotFound()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync(school: "东城区第一小学");
        var folder = host.App.Services.GetRequiredService<IConfiguration>()["Chat:UploadPath"]!;
        Directory.CreateDirectory(Path.Combine(folder, "t1"));
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        await File.WriteAllBytesAsync(Path.Combine(folder, "t1", "receipt.jpg"), photo);
        var id = host.WithDb(db =>
        {
            var t = db.TicketsWithHistory.Single(x => x.Number == ticket.Number);
            t.AddAttachment(Actor.System, t.ReceivedAt, new TicketAttachment("收据.jpg", "image/jpeg", photo.Length, "t1/receipt.jpg", t.ReceivedAt));
            db.SaveChanges();
            return t.Attachments.Single().Id;
        });
        using var admin = await host.ApiAsync("admin");
        using var west = await host.ApiAsync("west");

        Assert.Equal(photo, await admin.GetByteArrayAsync($"/api/staff/tickets/{ticket.Number}/attachments/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/staff/tickets/{ticket.Number}/attachments/{id + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await west.GetAsync($"/api/staff/tickets/{ticket.Number}/attachments/{id}")).StatusCode);
    }

    [Fact]
    public async Task KnowledgeJobsAuditMonthly_AnAdmin_ReadsAndRunsThemAHandlerMayNot()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");
        using var handler = await host.ApiAsync("east");

        var feedback = await admin.GetFromJsonAsync<JsonElement>("/api/staff/knowledge/feedback");
        Assert.True(feedback.GetProperty("entryCount").GetInt32() > 0);
        Assert.NotEmpty(feedback.GetProperty("entries").EnumerateArray());
        var rebuilt = await admin.PostAsync("/api/staff/knowledge/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);

        var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/staff/jobs");
        Assert.True(jobs.TryGetProperty("jobs", out _));

        using (var stranger = host.App.CreateClient(new() { BaseAddress = new Uri("https://localhost") }))
        {
            await stranger.PostAsJsonAsync("/api/staff/token", new { username = "admin", password = "wrong-password" });
        }

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/staff/audit");
        Assert.True(audit.EnumerateArray().Any(e => e.GetProperty("actor").GetString() == "admin" && e.GetProperty("kind").GetString() == "login-failed"), audit.GetRawText());

        var run = await admin.PostAsJsonAsync("/api/staff/reports/monthly/run", new { month = "2026-05" });
        Assert.Equal("2026-05", (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("month").GetString());
        var monthly = await admin.GetFromJsonAsync<JsonElement>("/api/staff/reports/monthly?month=2026-05");
        Assert.Equal(("2026-05", JsonValueKind.Array), (monthly.GetProperty("month").GetString(), monthly.GetProperty("rows").ValueKind));
        var csv = await admin.GetAsync("/api/staff/reports/monthly/csv?month=2026-05");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var badMonth = await admin.PostAsJsonAsync("/api/staff/reports/monthly/run", new { month = "五月" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMonth.StatusCode);

        foreach (var refused in new[]
        {
            await handler.GetAsync("/api/staff/knowledge/feedback"), await handler.PostAsync("/api/staff/knowledge/rebuild", null),
            await handler.GetAsync("/api/staff/jobs"), await handler.GetAsync("/api/staff/audit"),
            await handler.PostAsJsonAsync("/api/staff/reports/monthly/run", new { month = "2026-05" }),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }
}
