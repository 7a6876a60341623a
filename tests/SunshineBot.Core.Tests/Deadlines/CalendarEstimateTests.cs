using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Deadlines;

public sealed class CalendarEstimateTests
{
    // 元旦 1-3 January 2027 and a made-up Saturday working day on 9 January, to show make-up days count too.
    private const string Year2027 = """
        "2027": { "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "示例", "from": "2027-01-06", "to": "2027-01-06" } ],
                  "makeupWorkdays": [ { "name": "示例调休", "date": "2027-01-09" } ] }
        """;

    [Fact]
    public void Receive_LimitsPastTheCalendarsEnd_MarkedWithTheLastKnownDate()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 30, 9) };
        var inside = new TicketFactory().Receive();

        var ticket = factory.Receive();

        Assert.Equal(new DateOnly(2026, 12, 31), ticket.FirstReplyDueEstimatedAfter);
        Assert.Equal(new DateOnly(2026, 12, 31), ticket.DueEstimatedAfter);
        Assert.True(ticket.CurrentDueEstimated);
        Assert.Null(inside.FirstReplyDueEstimatedAfter);
        Assert.False(inside.HasEstimatedLimits);
    }

    [Fact]
    public void RecountOnCalendar_AfterAnExtensionAndAnImport_SameAsCountingFromScratchOnTheNewCalendar()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 28, 9) };
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, factory.Tick(), TicketFactory.FirstUnit);
        ticket.RequestExtension(TicketFactory.Handler, factory.Tick(), "需要调取监控", 3, factory.Policy);
        ticket.ApproveExtension(TicketFactory.Centre, factory.Tick(), factory.Policy);
        Assert.Equal(new DateOnly(2026, 12, 31), ticket.FirstReplyDueEstimatedAfter);

        factory.Policy.Calendar.Replace(WithYear2027());
        Assert.True(ticket.RecountOnCalendar(factory.Tick(), factory.Policy));

        // 3 + 3 working days from Monday 28 December on the calendar that knows 2027.
        Assert.Equal(factory.Policy.Calendar.AddWorkingDays(factory.ReceivedAt, 6), ticket.FirstReplyDueAt);
        Assert.Equal(factory.Policy.Calendar.AddWorkingDays(factory.ReceivedAt, 10), ticket.DueAt);
        Assert.Equal(Beijing(2027, 1, 7, 9), ticket.FirstReplyDueAt);
        Assert.False(ticket.HasEstimatedLimits);
        Assert.False(ticket.RecountOnCalendar(factory.Tick(), factory.Policy));
        Assert.Single(ticket.Events, e => e.Note?.StartsWith("日历已更新", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void RecountOnCalendar_CalendarStillEnds2026_NothingChanges()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 30, 9) };
        var ticket = factory.Receive();
        var due = ticket.FirstReplyDueAt;

        Assert.False(ticket.RecountOnCalendar(factory.Tick(), factory.Policy));
        Assert.Equal(due, ticket.FirstReplyDueAt);
        Assert.True(ticket.CurrentDueEstimated);
    }

    [Fact]
    public void RecountOnCalendar_ClosedTicket_Untouched()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 30, 9) };
        var ticket = factory.InState(TicketStatus.Withdrawn);
        var events = ticket.Events.Count;
        factory.Policy.Calendar.Replace(WithYear2027());

        Assert.False(ticket.RecountOnCalendar(factory.Tick(), factory.Policy));
        Assert.Equal(events, ticket.Events.Count);
        Assert.NotNull(ticket.FirstReplyDueEstimatedAfter);
    }

    [Fact]
    public void SetUrgentLimit_InHours_NotMarked()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 12, 30, 9) };
        var ticket = factory.Receive(TicketFactory.Intake(severity: Severity.Urgent));

        ticket.SetUrgentLimit(TicketFactory.Centre, factory.Tick(), 72, null, null, factory.Policy);

        Assert.False(ticket.HasEstimatedLimits);
    }

    private static CalendarData WithYear2027()
    {
        var json = File.ReadAllText(RealFilePath);
        var at = json.IndexOf("\"years\"", StringComparison.Ordinal);
        var open = json.IndexOf('{', at);
        return CalendarData.Parse(json[..(open + 1)] + Year2027 + "," + json[(open + 1)..]);
    }
}
