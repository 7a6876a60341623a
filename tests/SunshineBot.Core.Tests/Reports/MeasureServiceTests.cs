using SunshineBot.Core.Reports;
using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Reports;

public sealed class MeasureServiceTests
{
    private static readonly ReportOptions Options = new();

    [Fact]
    public void Measure_DeadlineSpanningNationalDay_RepliedAfterTheHolidayIsOnTime()
    {
        // Received Wednesday 30 September: 3 working days are 8, 9 and 10 October (a make-up Saturday).
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 9, 30, 9) };
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 9, 30, 10), TicketFactory.FirstUnit);
        ticket.Reply(TicketFactory.Handler, Beijing(2026, 10, 9, 17), TicketFactory.ReplyText, requireReview: false);

        var m = Measure([TicketFact.Of(ticket)], 2026, 9, 1, 2026, 10, 31);

        Assert.Equal(Beijing(2026, 10, 10, 9), ticket.FirstReplyDueAt);
        Assert.Equal((1, 0, 0), (m.FirstReply.OnTime, m.FirstReply.Late, m.FirstReply.Missing));
        Assert.Equal(100.0, m.FirstReply.Rate.Percent);
        Assert.Equal(0, m.OverdueWorkingDays);
    }

    [Fact]
    public void Measure_RedoneTicket_JudgedOnTheFirstRoundAndNotAFirstTimeClosure()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Closed);
        // Reopen: closed tickets cannot be sent back, so build one that was sent back before closing.
        var redone = factory.InState(TicketStatus.Revisiting);
        redone.SendBack(TicketFactory.Centre, Beijing(2026, 11, 18, 9), "家长说费用未退", factory.Policy);
        redone.Reply(TicketFactory.Handler, Beijing(2026, 11, 27, 9), TicketFactory.ReplyText, requireReview: false);
        redone.RecordRevisit(TicketFactory.Centre, Beijing(2026, 11, 27, 10), Satisfaction.Satisfied, null);
        redone.Close(TicketFactory.Centre, Beijing(2026, 11, 27, 11), "已退费");

        var m = Measure([TicketFact.Of(ticket), TicketFact.Of(redone) with { Number = "T2" }], 2026, 11, 1, 2026, 11, 30);

        // The second reply came after the redo's own limit, but the first round was on time.
        Assert.Equal(2, m.FirstReply.OnTime);
        Assert.Equal((1, 2), (m.FirstTimeClosure.Numerator, m.FirstTimeClosure.Denominator));
        Assert.Equal((1, 1), (m.Redo, m.TicketsRedone));
        Assert.Equal(50.0, m.FirstTimeClosure.Percent);
    }

    [Fact]
    public void Measure_NotReached_CountedApartFromTheSatisfactionRate()
    {
        var factory = new TicketFactory();
        var satisfied = factory.InState(TicketStatus.Closed);
        var notReached = factory.InState(TicketStatus.Revisiting);
        notReached.RecordRevisit(Actor.System, factory.Tick(), Satisfaction.NotReached, "三次未接通");
        notReached.Close(Actor.System, factory.Tick(), "未回访办结");
        var unhappy = factory.InState(TicketStatus.Revisiting);
        unhappy.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.BasicallySatisfied, null);
        unhappy.Close(TicketFactory.Centre, factory.Tick(), "办结");
        var facts = new[] { TicketFact.Of(satisfied), TicketFact.Of(notReached) with { Number = "T2" }, TicketFact.Of(unhappy) with { Number = "T3" } };

        var counted = Measure(facts, 2026, 11, 1, 2026, 11, 30);
        var strict = MeasureService.Run(facts, KbFacts.None, Period(2026, 11, 1, 2026, 11, 30), Real(), new ReportOptions { CountBasicallySatisfied = false });

        Assert.Equal((2, 2), (counted.Satisfaction.Numerator, counted.Satisfaction.Denominator));
        Assert.Equal(1, counted.NotReached);
        Assert.Equal(50.0, strict.Satisfaction.Percent);
        Assert.Equal(3, counted.CumulativeClosure.Numerator);
    }

    [Fact]
    public void Measure_TicketOpenAtPeriodEnd_IsNeverAnsweredEvenIfRepliedLater()
    {
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 11, 25, 9) };
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 25, 10), TicketFactory.FirstUnit);
        ticket.Reply(TicketFactory.Handler, Beijing(2026, 12, 3, 9), TicketFactory.ReplyText, requireReview: false);
        var fact = TicketFact.Of(ticket);

        var november = Measure([fact], 2026, 11, 1, 2026, 11, 30);
        var year = Measure([fact], 2026, 1, 1, 2026, 12, 31);

        // Due Monday 30 November 09:00; at the end of November nobody had replied.
        Assert.Equal(["YG20261116-0001"], november.NeverAnswered);
        Assert.Equal((0, 1), (november.FirstReply.OnTime, november.FirstReply.Missing));
        Assert.Equal(1, november.OverdueWorkingDays);
        Assert.Equal(0, november.CumulativeClosure.Numerator);
        Assert.Empty(year.NeverAnswered);
        Assert.Equal(1, year.FirstReply.Late);
    }

    [Fact]
    public void Measure_Volumes_CountEveryReceivedTicketButScoreOnlyOwedOnes()
    {
        var factory = new TicketFactory();
        var withdrawn = factory.InState(TicketStatus.Withdrawn);
        var consultation = factory.Receive(TicketFactory.Intake(TicketKind.Consultation));

        var m = Measure([TicketFact.Of(withdrawn), TicketFact.Of(consultation) with { Number = "T2" }], 2026, 11, 1, 2026, 11, 30);

        Assert.Equal(2, m.Received);
        Assert.Equal((1, 1), (m.ByKind[TicketKind.Complaint], m.ByKind[TicketKind.Consultation]));
        Assert.Equal(2, m.ByChannel[Channel.WeChat]);
        Assert.Equal(1, m.CumulativeClosure.Denominator);
        Assert.Equal(1, m.Monthly.Single(x => x.Month == "2026-11").Complaints);
    }

    [Fact]
    public void Measure_HandedBackAndRedispatched_CountsTheRedispatchAndTimesTheSecondSigning()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 16, 10), TicketFactory.FirstUnit);
        ticket.HandBack(TicketFactory.Handler, Beijing(2026, 11, 16, 11), "该校不属本单位管辖");
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 16, 14), TicketFactory.SecondUnit);
        ticket.Acknowledge(TicketFactory.Handler, Beijing(2026, 11, 16, 16), null);
        var unsigned = factory.Receive();
        unsigned.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 16, 10), TicketFactory.FirstUnit);

        var m = Measure([TicketFact.Of(ticket), TicketFact.Of(unsigned) with { Number = "T2" }], 2026, 11, 1, 2026, 11, 30);

        // Only the signed ticket is timed, from its current dispatch: two office hours.
        Assert.Equal((1, 2.0), (m.HoursToAcknowledge.Count, m.HoursToAcknowledge.Median));
        Assert.Equal((1, 1), (m.Redispatches, m.TicketsRedispatched));
    }

    [Fact]
    public void Rates_Satisfaction_BeyondOneOverOne()
    {
        Assert.Equal("93.5%", Rates.Satisfaction(187, 200).Format());
        Assert.Null(Rates.Satisfaction(0, 0).Percent);
        Assert.Equal("", Rates.Satisfaction(0, 0).Format());
        Assert.Equal(50.0, Rates.OnTime(1, 1).Percent);
    }

    [Fact]
    public void Stats_NearestRank_MedianAndP90()
    {
        var stats = MeasureService.Stats([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);

        Assert.Equal((10, 5.0, 9.0), (stats.Count, stats.Median, stats.P90));
    }

    private static ServiceMetrics Measure(IEnumerable<TicketFact> facts, int y1, int m1, int d1, int y2, int m2, int d2) =>
        MeasureService.Run(facts, KbFacts.None, Period(y1, m1, d1, y2, m2, d2), Real(), Options);

    private static ReportPeriod Period(int y1, int m1, int d1, int y2, int m2, int d2) =>
        ReportPeriod.Of(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2), Real(), Beijing(2027, 1, 10, 9));
}
