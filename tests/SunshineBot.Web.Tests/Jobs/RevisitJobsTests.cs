using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Jobs.Revisit;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

public sealed class RevisitJobsTests
{
    [Fact]
    public async Task Revisit_NoAnswer_SurveyAfterDelayReminderAfter24hNotReachedAfter3WorkingDaysOverWeekendAndHoliday()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync();
        host.Clock.Set(Beijing(6, 18, 9)); // Thursday; Friday 19th is the Dragon Boat holiday, then the weekend.
        await host.ReplyAsync(number);

        host.Clock.Set(Beijing(6, 18, 9, 59));
        Assert.Equal(RevisitSurveyOutcome.NotDue, await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 0, default)));
        Assert.Equal(0, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).SurveysSent);

        host.Clock.Set(Beijing(6, 18, 10));
        Assert.Equal(RevisitSurveyOutcome.Sent, await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 0, default)));
        Assert.Equal(RevisitSurveyOutcome.StoodDown, await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 0, default)));
        var ticket = await host.TicketAsync(number);
        Assert.Equal(TicketStatus.Revisiting, ticket.Status);
        Assert.Equal("T-SCH", ticket.RevisitUnitCode);
        Assert.Single(await host.ChatTextsAsync("dev-1", "system"), t => t.Contains("请评价", StringComparison.Ordinal));

        host.Clock.Set(Beijing(6, 19, 9, 59));
        Assert.Equal(new RevisitFollowUpResult(0, 0, 0, 0), await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default)));
        host.Clock.Set(Beijing(6, 19, 10));
        Assert.Equal(1, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).Reminders);
        host.Clock.Set(Beijing(6, 20, 10));
        Assert.Equal(0, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).Reminders);

        // Working days after Thursday the 18th: Monday 22, Tuesday 23, Wednesday 24.
        host.Clock.Set(Beijing(6, 24, 9, 59));
        Assert.Equal(0, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).NotReached);
        host.Clock.Set(Beijing(6, 24, 10));
        Assert.Equal(1, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).NotReached);
        Assert.Equal(0, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).NotReached);

        ticket = await host.TicketAsync(number);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(Satisfaction.NotReached, ticket.Satisfaction);
        var sent = await host.ChatTextsAsync("dev-1", "system");
        Assert.Single(sent, t => t.Contains("请评价", StringComparison.Ordinal));
        Assert.Single(sent, t => t.StartsWith("提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revisit_DelayZero_FollowUpSendsTheSurveyOnce()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9), new() { ["Revisit:Delay"] = "00:00:00" });
        var number = await host.FileAsync();
        await host.ReplyAsync(number);

        Assert.Equal(1, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).SurveysSent);
        Assert.Equal(0, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).SurveysSent);
        Assert.Single(await host.ChatTextsAsync("dev-1", "system"));
    }

    [Fact]
    public async Task Revisit_StaffRecordedPhoneRevisit_AutomaticSurveyStandsDown()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync();
        await host.ReplyAsync(number);
        await host.ChangeAsync(number, (t, now, _) => t.StartRevisit(new Actor("staff:3", "回访员"), now));

        host.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(RevisitSurveyOutcome.StoodDown, await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 0, default)));
        Assert.Equal(new RevisitFollowUpResult(0, 0, 0, 0), await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default)));
        Assert.Empty(await host.ChatTextsAsync("dev-1", "system"));
        Assert.Equal(TicketStatus.Revisiting, (await host.TicketAsync(number)).Status);
    }

    [Fact]
    public async Task Revisit_UnsatisfiedTwice_SentBackWithNewDeadlineThenEscalated()
    {
        await using var host = await StartAsync(Beijing(6, 15, 9));
        var number = await host.FileAsync();
        await host.ReplyAsync(number);
        host.Clock.Set(Beijing(6, 15, 10));
        await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 0, default));

        host.Clock.Set(Beijing(6, 15, 11));
        var first = await host.Use<ITicketDesk, RevisitOutcome>(d => d.RecordRevisitAsync(number, "dev-1", Satisfaction.Unsatisfied, false, "仍在收费", default));
        Assert.Equal(RevisitOutcome.SentBack, first);
        var ticket = await host.TicketAsync(number);
        Assert.Equal((TicketStatus.Dispatched, 1, "T-SCH"), (ticket.Status, ticket.RedoCount, ticket.HandlingUnitCode));
        Assert.Equal(Beijing(6, 18, 11), ticket.FirstReplyDueAt); // three working days from the send-back
        Assert.Equal(1, (await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default))).SentBackNotices);
        Assert.Contains(await host.NotificationsAsync("sent-back"), n => n.UserName == "h1" && n.TicketNumber == number);

        await host.ReplyAsync(number);
        host.Clock.Set(Beijing(6, 15, 12));
        Assert.Equal(RevisitSurveyOutcome.Sent, await host.Use<SendRevisitSurvey, RevisitSurveyOutcome>(s => s.RunAsync(number, 1, default)));
        var second = await host.Use<ITicketDesk, RevisitOutcome>(d => d.RecordRevisitAsync(number, "dev-1", Satisfaction.Unsatisfied, false, "还是没解决", default));
        Assert.Equal(RevisitOutcome.Escalated, second);
        await host.Use<FollowUpRevisits, RevisitFollowUpResult>(f => f.RunAsync(default));
        Assert.Contains(await host.NotificationsAsync("escalated"), n => n.UserName == "c1" && n.TicketNumber == number);
        ticket = await host.TicketAsync(number);
        Assert.Equal(2, ticket.RedoCount);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.Urge && e.ActorId == Actor.System.Id);
    }
}
