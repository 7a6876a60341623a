using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Deadlines;

public class DeadlinePolicyTests
{
    // Friday 2026-11-20 20:00 (Beijing): evening intake at the end of a week.
    private static readonly DateTimeOffset FridayEvening = Beijing(2026, 11, 20, 20);

    [Theory]
    [InlineData(TicketKind.Consultation, Severity.Normal, "2026-11-24", "2026-11-24")]
    [InlineData(TicketKind.Help, Severity.Normal, "2026-11-25", "2026-12-01")]
    [InlineData(TicketKind.Complaint, Severity.Normal, "2026-11-25", "2026-12-01")]
    [InlineData(TicketKind.Report, Severity.Important, "2026-11-25", "2026-12-01")]
    [InlineData(TicketKind.Suggestion, Severity.Normal, "2026-11-25", "2026-12-01")]
    [InlineData(TicketKind.Complaint, Severity.Urgent, "2026-11-23", "2026-11-23")]
    [InlineData(TicketKind.Consultation, Severity.Urgent, "2026-11-23", "2026-11-23")]
    public void LimitsFrom_DefaultOptions_WorkingDaysFromFridayEvening(TicketKind kind, Severity severity, string replyDate, string resolutionDate)
    {
        var policy = new DeadlinePolicy(TestCalendars.Real(), new DeadlineOptions());

        var (reply, resolution) = policy.LimitsFrom(kind, severity, FridayEvening);

        Assert.Equal(At20(replyDate), reply);
        Assert.Equal(At20(resolutionDate), resolution);
    }

    [Fact]
    public void LimitsFrom_ConfiguredKindAndDefault_UsesConfiguredDays()
    {
        var options = new DeadlineOptions { Default = new TimeLimit { FirstReplyWorkingDays = 4, ResolutionWorkingDays = 8 } };
        options.Kinds[TicketKind.Complaint] = new TimeLimit { FirstReplyWorkingDays = 1, ResolutionWorkingDays = 5 };
        var policy = new DeadlinePolicy(TestCalendars.Real(), options);

        var complaint = policy.LimitsFrom(TicketKind.Complaint, Severity.Normal, FridayEvening);
        var help = policy.LimitsFrom(TicketKind.Help, Severity.Normal, FridayEvening);

        Assert.Equal((Beijing(2026, 11, 23, 20), Beijing(2026, 11, 27, 20)), complaint);
        Assert.Equal((Beijing(2026, 11, 26, 20), Beijing(2026, 12, 2, 20)), help);
    }

    [Fact]
    public void LimitsFrom_AcrossNationalDay_SkipsTheHolidayWeek()
    {
        var policy = new DeadlinePolicy(TestCalendars.Real(), new DeadlineOptions());

        var (reply, resolution) = policy.LimitsFrom(TicketKind.Complaint, Severity.Normal, Beijing(2026, 9, 30, 16));

        Assert.Equal(Beijing(2026, 10, 10, 16), reply);
        Assert.Equal(Beijing(2026, 10, 15, 16), resolution);
    }

    [Fact]
    public void ExtensionReasonDue_ConfiguredWindow_CountsWorkingDaysFromDispatch()
    {
        var policy = new DeadlinePolicy(TestCalendars.Real(), new DeadlineOptions { ExtensionReasonWorkingDays = 5 });

        Assert.Equal(Beijing(2026, 10, 13, 10), policy.ExtensionReasonDue(Beijing(2026, 9, 30, 10)));
    }

    [Theory]
    [InlineData(17, 9, 0, false, 2)]
    [InlineData(18, 9, 0, true, 1)]
    [InlineData(19, 8, 0, true, 0)]
    [InlineData(19, 9, 0, true, 0)]
    public void Evaluate_BeforeTheReplyLimit_NotOverdueAndDueSoonWithinOneDay(int day, int hour, int minute, bool dueSoon, int left)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);

        var state = factory.Policy.Evaluate(ticket, Beijing(2026, 11, day, hour, minute));

        Assert.Equal((DateTimeOffset?)Beijing(2026, 11, 19, 9), state.DueAt);
        Assert.False(state.IsOverdue);
        Assert.Equal(dueSoon, state.IsDueSoon);
        Assert.Equal(left, state.WorkingDaysLeft);
        Assert.Equal(0, state.OverdueWorkingDays);
    }

    [Theory]
    [InlineData(20, 10, 1, 1)]
    [InlineData(20, 17, 1, 1)]
    [InlineData(21, 12, 1, 1)]
    [InlineData(22, 12, 1, 1)]
    [InlineData(23, 9, 2, 1)]
    [InlineData(24, 9, 3, 2)]
    public void Evaluate_PastAFridayLimit_OverdueDaysSkipTheWeekend(int day, int hour, int overdueDays, int daysPast)
    {
        // Received Tuesday 2026-11-17 10:00: reply due Friday 11-20 10:00.
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 11, 17, 10) };
        var ticket = factory.InState(TicketStatus.Dispatched);
        Assert.Equal(Beijing(2026, 11, 20, 10), ticket.FirstReplyDueAt);

        var state = factory.Policy.Evaluate(ticket, Beijing(2026, 11, day, hour, 1));

        Assert.True(state.IsOverdue);
        Assert.False(state.IsDueSoon);
        Assert.Equal(overdueDays, state.OverdueWorkingDays);
        Assert.Equal(-daysPast, state.WorkingDaysLeft);
    }

    [Theory]
    [InlineData(10, 7, 1)]
    [InlineData(10, 8, 2)]
    [InlineData(10, 10, 4)]
    [InlineData(10, 12, 5)]
    public void Evaluate_PastALimitBeforeNationalDay_HolidaysDoNotCount(int month, int day, int overdueDays)
    {
        // Received Thursday 2026-09-24 09:00 (Mid-Autumn 09-25…27 off): reply due Wednesday 09-30 09:00.
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 9, 24, 9) };
        var ticket = factory.Receive();
        Assert.Equal(Beijing(2026, 9, 30, 9), ticket.FirstReplyDueAt);

        var state = factory.Policy.Evaluate(ticket, Beijing(2026, month, day, 12));

        Assert.True(state.IsOverdue);
        Assert.Equal(overdueDays, state.OverdueWorkingDays);
    }

    [Fact]
    public void Evaluate_RepliedAfterTheReplyLimit_ResolutionLimitApplies()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);

        // Tuesday 11-24: past the reply limit (Thursday 11-19), one working day before resolution (Wednesday 11-25).
        var state = factory.Policy.Evaluate(ticket, Beijing(2026, 11, 24, 9));

        Assert.Equal((DateTimeOffset?)Beijing(2026, 11, 25, 9), state.DueAt);
        Assert.False(state.IsOverdue);
        Assert.True(state.IsDueSoon);
        Assert.Equal(1, state.WorkingDaysLeft);
    }

    [Fact]
    public void Evaluate_PendingReviewPastReplyLimit_StillOverdueOnTheReply()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview);

        var state = factory.Policy.Evaluate(ticket, Beijing(2026, 11, 20, 9));

        Assert.Equal((DateTimeOffset?)ticket.FirstReplyDueAt, state.DueAt);
        Assert.True(state.IsOverdue);
    }

    [Theory]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Withdrawn)]
    [InlineData(TicketStatus.Duplicate)]
    public void Evaluate_FinishedTicketLongAfterItsLimits_NotOverdue(TicketStatus status)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(status);

        var state = factory.Policy.Evaluate(ticket, Beijing(2027, 3, 1, 9));

        Assert.Null(state.DueAt);
        Assert.False(state.IsOverdue);
        Assert.False(state.IsDueSoon);
        Assert.Equal(0, state.OverdueWorkingDays);
    }

    [Fact]
    public void Evaluate_ConfiguredDueSoonWindow_Widened()
    {
        var factory = new TicketFactory(new DeadlineOptions { DueSoonWorkingDays = 2 });
        var ticket = factory.InState(TicketStatus.Dispatched);

        Assert.True(factory.Policy.Evaluate(ticket, Beijing(2026, 11, 17, 9)).IsDueSoon);
        Assert.False(factory.Policy.Evaluate(ticket, Beijing(2026, 11, 16, 9)).IsDueSoon);
    }

    private static DateTimeOffset At20(string date)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return Beijing(d.Year, d.Month, d.Day, 20);
    }
}
