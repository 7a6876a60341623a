using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Tickets;

/// <summary>一次性告知 and the clock while waiting; calendar coverage.</summary>
public sealed class TicketInformationTests
{
    [Fact]
    public void SupplyInformation_PauseRule_MovesBothLimitsByTheWorkingDaysWaited()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var (reply, resolution) = (ticket.FirstReplyDueAt, ticket.DueAt);
        ticket.RequestInformation(TicketFactory.Handler, Beijing(2026, 11, 16, 15), "孩子班级；收据照片");

        // Asked Monday, answered Wednesday: two working days waited.
        var waited = ticket.SupplyInformation(TicketFactory.Filer, Beijing(2026, 11, 18, 20), "三年级二班", factory.Policy);

        Assert.Equal(2, waited);
        Assert.Equal(factory.Policy.Calendar.AddWorkingDays(reply, 2), ticket.FirstReplyDueAt);
        Assert.Equal(factory.Policy.Calendar.AddWorkingDays(resolution, 2), ticket.DueAt);
        Assert.False(ticket.IsAwaitingInformation);
        Assert.Contains("期限相应顺延", ticket.Events[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplyInformation_ContinueRule_LimitsUnchanged()
    {
        var factory = new TicketFactory(new DeadlineOptions { InformationWait = InformationWaitRule.Continue });
        var ticket = factory.InState(TicketStatus.Dispatched);
        var due = ticket.FirstReplyDueAt;
        ticket.RequestInformation(TicketFactory.Handler, Beijing(2026, 11, 16, 15), "孩子班级");

        Assert.Equal(0, ticket.SupplyInformation(TicketFactory.Filer, Beijing(2026, 11, 18, 20), "三年级二班", factory.Policy));
        Assert.Equal(due, ticket.FirstReplyDueAt);
    }

    [Fact]
    public void RequestInformation_SecondTimeOrNothingWaiting_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        Assert.Throws<DomainException>(() => ticket.SupplyInformation(TicketFactory.Filer, factory.Tick(), "补充", factory.Policy));
        Assert.Throws<DomainException>(() => ticket.RequestInformation(TicketFactory.Handler, factory.Tick(), "  "));
        ticket.RequestInformation(TicketFactory.Handler, factory.Tick(), "孩子班级");

        var again = Assert.Throws<DomainException>(() => ticket.RequestInformation(TicketFactory.Handler, factory.Tick(), "学号"));

        Assert.Contains("一次性告知", again.Message, StringComparison.Ordinal);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.RequestInformation);
    }

    [Fact]
    public void Evaluate_DueInAYearNotInTheCalendar_FlaggedBeyondCalendar()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 30, 9) };
        var ticket = factory.Receive();

        var state = factory.Policy.Evaluate(ticket, Beijing(2026, 12, 30, 10));
        var inside = new TicketFactory().Receive();

        Assert.True(state.BeyondCalendar);
        Assert.False(factory.Policy.Evaluate(inside, Beijing(2026, 11, 16, 10)).BeyondCalendar);
    }

    [Theory]
    [InlineData(2026, 10, 1, false, 91)]
    [InlineData(2026, 11, 1, true, 60)]
    [InlineData(2026, 12, 31, true, 0)]
    public void Coverage_WithinSixtyDaysOfTheEnd_Warns(int y, int m, int d, bool warns, int left)
    {
        var coverage = CalendarCoverage.Of(Real(), new DateOnly(y, m, d));

        Assert.Equal((warns, left), (coverage.RunningOut, coverage.DaysLeft));
        Assert.Equal(warns, coverage.Warning()?.Contains("sunshinebot calendar import", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void Coverage_PastTheEnd_SaysItIsOutOfDate()
    {
        var coverage = CalendarCoverage.Of(Real(), new DateOnly(2027, 1, 5));

        Assert.Equal(new DateOnly(2026, 12, 31), coverage.CoveredThrough);
        Assert.Contains("已过期", coverage.Warning(), StringComparison.Ordinal);
    }
}
