using SunshineBot.Core.Tickets;
using SunshineBot.Web.Jobs.Deadlines;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>"3个工作日有回复，7个工作日要落实": the deadline pass watches the resolution limit as well as the reply's.</summary>
public sealed class ResolutionLimitWatchTests
{
    [Fact]
    public async Task ScanDeadlines_RepliedButNotClosed_RemindsNotesAndCountsLateDaysOnTheResolutionLimit()
    {
        // Received Monday 15 June 09:00; 端午 (19 June) is not a working day: resolution due Thursday 25 June 09:00.
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var replied = await host.FileAsync();
        var silent = await host.FileAsync(device: "dev-2");
        host.Clock.Set(Beijing(6, 17, 10));
        await host.ReplyAsync(replied);
        Task<DeadlineScanResult> Scan(int day, int hour)
        {
            host.Clock.Set(Beijing(6, day, hour));
            return host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));
        }

        Assert.Equal(0, (await Scan(23, 10)).ResolutionDueSoon);
        Assert.Equal(2, (await Scan(24, 10)).ResolutionDueSoon);
        Assert.Equal(0, (await Scan(24, 16)).ResolutionDueSoon);
        var soon = await host.NotificationsAsync("resolution-due-soon");
        Assert.Contains(soon, n => n.UserName == "h1" && n.TicketNumber == replied && n.Text.Contains("回访办结", StringComparison.Ordinal));
        Assert.Contains(soon, n => n.UserName == "c1" && n.TicketNumber == replied);
        Assert.DoesNotContain(soon, n => n.UserName == "c1" && n.TicketNumber == silent);

        var overdue = await Scan(25, 10);
        Assert.Equal((2, 0), (overdue.ResolutionOverdue, overdue.ResolutionLateDays));
        Assert.Equal(0, (await Scan(25, 16)).ResolutionOverdue);
        Assert.Equal(2, (await Scan(26, 10)).ResolutionLateDays); // one note per ticket
        Assert.Equal(0, (await Scan(27, 10)).ResolutionLateDays); // Saturday
        Assert.Equal(2, (await Scan(29, 9)).ResolutionLateDays);
        Assert.Equal(0, (await Scan(29, 17)).ResolutionLateDays);

        var done = await host.TicketAsync(replied);
        Assert.Equal(0, done.UrgeCount); // replied on time: a note, not an urge against the reply
        Assert.Single(done.Events, e => e.Action == TicketAction.AddNote && e.Note!.StartsWith("已超过办结时限（2026-06-25 09:00）", StringComparison.Ordinal));
        Assert.Single(done.Events, e => e.Action == TicketAction.AddNote && e.Note == "办结超期第2个工作日（办结时限 2026-06-25 09:00）");
        Assert.Single(done.Events, e => e.Action == TicketAction.AddNote && e.Note == "办结超期第3个工作日（办结时限 2026-06-25 09:00）");
        var late = await host.TicketAsync(silent);
        Assert.Equal(2, late.UrgeCount); // the reply limit's urge, then the resolution limit's
        Assert.Single(late.Events, e => e.Action == TicketAction.Urge && e.Note!.Contains("办结时限", StringComparison.Ordinal));
        var notices = await host.NotificationsAsync("resolution-overdue");
        Assert.Contains(notices, n => n.UserName == "h1" && n.TicketNumber == replied);
        Assert.Contains(notices, n => n.UserName == "c1" && n.TicketNumber == silent);
    }

    [Fact]
    public async Task ScanDeadlines_UrgentTicketWithBothLimitsAtOnce_OnlyTheReplyWatchSpeaks()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        await host.FileAsync(severity: Severity.Urgent); // reply and resolution both due Tuesday 16 June 09:00
        host.Clock.Set(Beijing(6, 16, 10));

        var result = await host.Use<ScanDeadlines, DeadlineScanResult>(s => s.RunAsync(default));

        Assert.Equal((1, 0), (result.Urged, result.ResolutionOverdue));
        Assert.Empty(await host.NotificationsAsync("resolution-overdue"));
    }
}
