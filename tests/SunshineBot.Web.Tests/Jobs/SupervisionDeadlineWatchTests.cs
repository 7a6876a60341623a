using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Jobs.Deadlines;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>督办件 / 专题协调件 carry their own deadline: the deadline pass and the queue's deadline state watch it too.</summary>
public sealed class SupervisionDeadlineWatchTests
{
    [Fact]
    public async Task ScanDeadlines_SupervisedCaseDueBeforeItsReplyLimit_RemindsUrgesCountsLateDaysAndTheQueueShowsIt()
    {
        // Received Monday 15 June 09:00: reply due Thursday 18 June 09:00; the centre wants it by Tuesday 16 June 17:00.
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync();
        var flagDue = Beijing(6, 16, 17);
        await host.ChangeAsync(number, (t, now, _) => t.FlagCase(Actor.System, now, CaseFlag.Supervised, flagDue, onSiteVisit: false, "市局督办"));
        Task<DeadlineScanResult> Scan(int day, int hour)
        {
            host.Clock.Set(Beijing(6, day, hour));
            return host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));
        }

        Task<DeadlineState> Queue() => host.RunAsync(async sp =>
            sp.GetRequiredService<DeadlinePolicy>().Evaluate(await host.TicketAsync(number), host.Clock.GetUtcNow()));

        var soon = await Scan(15, 10);
        Assert.Equal((1, 0), (soon.SupervisionDueSoon, soon.DueSoon));
        Assert.Equal(0, (await Scan(15, 11)).SupervisionDueSoon);
        Assert.Equal((flagDue, true), ((await Queue()).DueAt, (await Queue()).IsDueSoon));
        var notices = await host.NotificationsAsync("supervision-due-soon");
        Assert.Contains(notices, n => n.UserName == "h1" && n.Text.Contains("督办件", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.UserName == "c1");

        var overdue = await Scan(16, 18);
        Assert.Equal((1, 0), (overdue.SupervisionOverdue, overdue.Urged)); // the reply limit itself is not late
        Assert.True((await Queue()).IsOverdue);
        Assert.Equal(1, (await Scan(17, 10)).SupervisionLateDays);
        Assert.Equal(0, (await Scan(17, 15)).SupervisionLateDays);

        var ticket = await host.TicketAsync(number);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.Urge && e.Note!.StartsWith("督办件已超过督办时限（2026-06-16 17:00）", StringComparison.Ordinal));
        Assert.Single(ticket.Events, e => e.Action == TicketAction.AddNote && e.Note == "督办件超期第2个工作日（督办时限 2026-06-16 17:00）");
        Assert.Contains(await host.NotificationsAsync("supervision-overdue"), n => n.UserName == "c1" && n.TicketNumber == number);
    }

    [Fact]
    public async Task Evaluate_FlaggedCaseDueAfterTheReplyLimit_TheReplyLimitStillApplies()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync();
        await host.ChangeAsync(number, (t, now, _) => t.FlagCase(Actor.System, now, CaseFlag.Coordination, Beijing(6, 30, 17), onSiteVisit: true, null));

        var ticket = await host.TicketAsync(number);
        var state = await host.RunAsync(sp => Task.FromResult(sp.GetRequiredService<DeadlinePolicy>().Evaluate(ticket, Beijing(6, 15, 10))));

        Assert.Equal(ticket.FirstReplyDueAt, state.DueAt);
        Assert.Equal(Beijing(6, 30, 17), ticket.SupervisionDueAt);
    }
}
