using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Jobs.Deadlines;
using SunshineBot.Web.Jobs.Reports;
using SunshineBot.Web.Jobs.Urgent;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

public sealed class DeadlineAndUrgentJobsTests
{
    [Fact]
    public async Task ScanDeadlines_ComplaintDueThursday_DueSoonWednesdayUrgeThursdayLateDaysSkipTheHoliday()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync(); // received Monday 09:00: reply due Thursday 18th 09:00
        Task<DeadlineScanResult> Scan(int day, int hour, int minute = 0)
        {
            host.Clock.Set(Beijing(6, day, hour, minute));
            return host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));
        }

        Assert.Equal(new DeadlineScanResult(0, 0, 0, 0), await Scan(16, 10));
        Assert.Equal(1, (await Scan(17, 10)).DueSoon);
        Assert.Equal(new DeadlineScanResult(0, 0, 0, 0), await Scan(17, 15));
        Assert.Contains(await host.NotificationsAsync("due-soon"), n => n.UserName == "h1");

        var overdue = await Scan(18, 9, 30);
        Assert.Equal((1, 1), (overdue.Urged, overdue.ExtensionMissed));
        Assert.Equal(new DeadlineScanResult(0, 0, 0, 0), await Scan(18, 16));
        Assert.Equal(new DeadlineScanResult(0, 0, 0, 0), await Scan(19, 10)); // 端午 holiday: not a late day
        Assert.Equal(new DeadlineScanResult(0, 0, 0, 0), await Scan(21, 23)); // Sunday
        Assert.Equal(1, (await Scan(22, 8)).LateDays);
        Assert.Equal(0, (await Scan(22, 17)).LateDays);
        Assert.Equal(1, (await Scan(23, 8)).LateDays);

        var ticket = await host.TicketAsync(number);
        Assert.Equal(1, ticket.UrgeCount);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.Urge && e.ActorId == Actor.System.Id);
        Assert.Equal(2, ticket.Events.Count(e => e.Action == TicketAction.AddNote && e.Note!.StartsWith("超期第", StringComparison.Ordinal)));
        var notices = await host.NotificationsAsync("overdue");
        Assert.Contains(notices, n => n.UserName == "h1");
        Assert.Contains(notices, n => n.UserName == "c1");
    }

    [Fact]
    public async Task AlertUrgentTickets_SaturdayNight_AlertsTheRosterAtFilingOnceElseTheCentreAdmins()
    {
        await using var host = await StartAsync(Beijing(6, 13, 23));
        await host.WithDbAsync(async db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "duty1", CreatedAt = host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var urgent = await host.FileAsync(severity: Severity.Urgent);
        await host.FileAsync(device: "dev-2");

        // Alerted by the filing itself, before any scan; the scan then has nothing left to send.
        var alert = Assert.Single(await host.NotificationsAsync("urgent"));
        Assert.Equal(("duty1", urgent), (alert.UserName, alert.TicketNumber));
        Assert.Contains("重大特急件", alert.Text, StringComparison.Ordinal);
        Assert.Empty(await host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.Single(await host.NotificationsAsync("urgent"));

        host.Clock.Set(Beijing(6, 14, 2)); // Sunday: no one on the roster
        var second = await host.FileAsync(device: "dev-3", severity: Severity.Urgent);
        var fallback = (await host.NotificationsAsync("urgent")).Where(n => n.TicketNumber == second).ToList();
        Assert.NotEmpty(fallback);
        Assert.DoesNotContain(fallback, n => n.UserName == "duty1" || n.UserName == "h1");
    }

    [Fact]
    public async Task AlertUrgentTickets_TicketWithoutAlert_TheScanSendsIt()
    {
        await using var host = await StartAsync(Beijing(6, 13, 23));
        var normal = await host.FileAsync();
        // Raised to urgent after filing (or filed while the hook failed): the periodic scan is the safety net.
        await host.WithDbAsync(db => db.Tickets.Where(t => t.Number == normal).ExecuteUpdateAsync(u => u.SetProperty(t => t.Severity, Severity.Urgent)));
        Assert.Empty(await host.NotificationsAsync("urgent"));

        Assert.Equal([normal], await host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.Empty(await host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.RunAsync(default)));
        Assert.NotEmpty(await host.NotificationsAsync("urgent"));
    }

    [Fact]
    public async Task CreateMonthlyReport_LateFirstReplyThenQuickRedo_CountsLateAndTheRedo()
    {
        await using var host = await StartAsync(Beijing(5, 11, 9));
        var number = await host.FileAsync();
        host.Clock.Set(Beijing(5, 29, 10)); // well past the first limit
        await host.ReplyAsync(number);
        await host.ChangeAsync(number, (t, now, deadlines) => t.SendBack(Actor.System, now, "家长不满意", deadlines));
        await host.ReplyAsync(number); // the redo, at once: on time for its own limit
        host.Clock.Set(Beijing(6, 1, 1));

        var row = Assert.Single(await host.Use<CreateMonthlyReport, IReadOnlyList<Data.Jobs.MonthlyReportRow>>(r => r.RunAsync(2026, 5, default)));

        Assert.Equal((1, 1, 0, 1, 1), (row.Received, row.Replied, row.RepliedOnTime, row.Overdue, row.Redo));
    }

    [Fact]
    public async Task CreateMonthlyReport_PreviousMonth_CountsPerUnitAndWritesCsv()
    {
        await using var host = await StartAsync(Beijing(5, 11, 9));
        var late = await host.FileAsync();
        var onTime = await host.FileAsync(device: "dev-2");
        await host.ReplyAsync(onTime);
        await host.ChangeAsync(onTime, (t, now, _) => t.RecordRevisit(Actor.System, now, Satisfaction.BasicallySatisfied, null));
        await host.ChangeAsync(onTime, (t, now, _) => t.Close(Actor.System, now, "办结"));
        host.Clock.Set(Beijing(6, 1, 1));

        var rows = await host.Use<CreateMonthlyReport, IReadOnlyList<Data.Jobs.MonthlyReportRow>>(async r =>
        {
            var (year, month) = r.PreviousMonth(host.Clock.GetUtcNow());
            await r.RunAsync(year, month, default);
            return await r.RunAsync(year, month, default);
        });

        var row = Assert.Single(rows);
        Assert.Equal(("2026-05", "T-SCH", 2, 1, 1, 1, 1, 0), (row.Month, row.UnitCode, row.Received, row.RepliedOnTime, row.Overdue, row.Revisited, row.Satisfied, row.NotReached));
        Assert.Equal(1, await host.RunAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SunshineDbContext>(sp).MonthlyReports)));
        var csv = System.Text.Encoding.UTF8.GetString(MonthlyReportCsv.Write(rows));
        Assert.Contains("满意率", csv, StringComparison.Ordinal);
        Assert.Contains("2026-05,T-SCH,测试学校,2,0,0,2,", csv, StringComparison.Ordinal);
        Assert.Contains("100.0%", csv, StringComparison.Ordinal);
        Assert.NotNull(late);
    }
}
