using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Tickets;

/// <summary>延期: a reason within 3 working days of dispatch, approval moves every running limit.</summary>
public partial class TicketTests
{
    [Fact]
    public void RequestExtension_AtTheEndOfTheWindow_OnTime()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 16, 10), "ZH001");
        var at = Beijing(2026, 11, 19, 10);

        ticket.RequestExtension(TicketFactory.Handler, at, " 需要调取三年票据 ", 5, factory.Policy);

        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("需要调取三年票据", ticket.ExtensionReason);
        Assert.Equal(5, ticket.ExtensionWorkingDays);
        Assert.False(ticket.ExtensionFiledLate);
        Assert.Equal("申请延期5个工作日：需要调取三年票据", ticket.Events[^1].Note);
        Assert.Equal(at, ticket.Events[^1].At);
    }

    [Fact]
    public void RequestExtension_MoreThanThreeWorkingDaysAfterDispatch_MarkedLate()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 11, 16, 10), "ZH001");

        ticket.RequestExtension(TicketFactory.Handler, Beijing(2026, 11, 19, 10, 1), "需要调取票据", 2, factory.Policy);

        Assert.True(ticket.ExtensionFiledLate);
        Assert.Equal("申请延期2个工作日：需要调取票据；（超过说明期限）", ticket.Events[^1].Note);
    }

    [Fact]
    public void RequestExtension_WindowAcrossNationalDay_CountsWorkingDaysOnly()
    {
        // Dispatched Wednesday 2026-09-30 10:00: the window runs 10-08, 10-09 and the make-up Saturday 10-10.
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 9, 29, 9) };
        var onTime = factory.Receive();
        onTime.Dispatch(TicketFactory.Centre, Beijing(2026, 9, 30, 10), "ZH001");
        var late = factory.Receive();
        late.Dispatch(TicketFactory.Centre, Beijing(2026, 9, 30, 10), "ZH001");

        onTime.RequestExtension(TicketFactory.Handler, Beijing(2026, 10, 10, 10), "国庆期间无法核实", 2, factory.Policy);
        late.RequestExtension(TicketFactory.Handler, Beijing(2026, 10, 12, 9), "国庆期间无法核实", 2, factory.Policy);

        Assert.False(onTime.ExtensionFiledLate);
        Assert.True(late.ExtensionFiledLate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(16)]
    public void RequestExtension_DaysOutOfRange_Refused(int days)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);

        var ex = Assert.Throws<DomainException>(() => ticket.RequestExtension(TicketFactory.Handler, factory.Tick(), "理由", days, factory.Policy));

        Assert.Equal("延期天数应为1到15个工作日。", ex.Message);
        Assert.Null(ticket.ExtensionReason);
    }

    [Fact]
    public void RequestExtension_WhileOneIsPending_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched, pendingExtension: true);
        var events = ticket.Events.Count;

        Assert.Throws<DomainException>(() => ticket.RequestExtension(TicketFactory.Handler, factory.Tick(), "再延", 3, factory.Policy));

        Assert.Equal(2, ticket.ExtensionWorkingDays);
        Assert.Equal(events, ticket.Events.Count);
    }

    [Fact]
    public void ApproveExtension_Pending_MovesBothLimitsByTheWorkingDaysAndClearsTheRequest()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched, pendingExtension: true);

        ticket.ApproveExtension(TicketFactory.Leader, factory.Tick(), factory.Policy);

        // From Thursday 11-19 and Wednesday 11-25, two working days each (over the weekend for the first).
        Assert.Equal(Beijing(2026, 11, 23, 9), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 11, 27, 9), ticket.DueAt);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Null(ticket.ExtensionReason);
        Assert.Null(ticket.ExtensionWorkingDays);
        Assert.False(ticket.ExtensionFiledLate);
        Assert.Equal("延期2个工作日", ticket.Events[^1].Note);
    }

    [Fact]
    public void ApproveExtension_LimitsAcrossNationalDay_SkipHolidaysAndUseMakeupDay()
    {
        // Received Monday 2026-09-28 09:00: reply due 10-08, resolution due 10-13.
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 9, 28, 9) };
        var ticket = factory.Receive();
        ticket.Dispatch(TicketFactory.Centre, Beijing(2026, 9, 28, 10), "ZH001");
        ticket.RequestExtension(TicketFactory.Handler, Beijing(2026, 9, 29, 10), "需要调取票据", 2, factory.Policy);
        Assert.Equal(Beijing(2026, 10, 8, 9), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 10, 13, 9), ticket.DueAt);

        ticket.ApproveExtension(TicketFactory.Leader, Beijing(2026, 9, 29, 15), factory.Policy);

        Assert.Equal(Beijing(2026, 10, 10, 9), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 10, 15, 9), ticket.DueAt);
    }

    [Fact]
    public void ApproveExtension_InPendingReview_MovesLimitsWithoutLeavingReview()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview, pendingExtension: true);

        ticket.ApproveExtension(TicketFactory.Leader, factory.Tick(), factory.Policy);

        Assert.Equal(TicketStatus.PendingReview, ticket.Status);
        Assert.Equal(Beijing(2026, 11, 23, 9), ticket.FirstReplyDueAt);
    }

    [Fact]
    public void ApproveExtension_NothingPending_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var due = ticket.DueAt;

        var ex = Assert.Throws<DomainException>(() => ticket.ApproveExtension(TicketFactory.Leader, factory.Tick(), factory.Policy));

        Assert.Equal("没有待审批的延期申请。", ex.Message);
        Assert.Equal(due, ticket.DueAt);
    }

    [Fact]
    public void RejectExtension_Pending_ClearsRequestAndKeepsLimits()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched, pendingExtension: true);
        var (replyDue, due) = (ticket.FirstReplyDueAt, ticket.DueAt);

        ticket.RejectExtension(TicketFactory.Leader, factory.Tick(), "票据可当日调取");

        Assert.Null(ticket.ExtensionReason);
        Assert.Null(ticket.ExtensionWorkingDays);
        Assert.Equal(replyDue, ticket.FirstReplyDueAt);
        Assert.Equal(due, ticket.DueAt);
        Assert.Equal("票据可当日调取", ticket.Events[^1].Note);
    }

    [Fact]
    public void RejectExtension_WithoutReason_RefusedAndRequestKept()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched, pendingExtension: true);

        Assert.Throws<DomainException>(() => ticket.RejectExtension(TicketFactory.Leader, factory.Tick(), ""));

        Assert.Equal(2, ticket.ExtensionWorkingDays);
    }

    [Fact]
    public void RejectExtension_NothingPending_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);

        var ex = Assert.Throws<DomainException>(() => ticket.RejectExtension(TicketFactory.Leader, factory.Tick(), "不批"));

        Assert.Equal("没有待审批的延期申请。", ex.Message);
    }

    [Fact]
    public void SendBack_WithExtensionLeftPendingAtReply_DropsTheStaleRequest()
    {
        // The request was about the old limits; the redo runs on new ones and may need its own extension.
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied, pendingExtension: true);

        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "家长不满意", factory.Policy);

        Assert.Null(ticket.ExtensionReason);
        Assert.Null(ticket.ExtensionWorkingDays);
        ticket.RequestExtension(TicketFactory.Handler, factory.Tick(), "重办需要再次核实", 3, factory.Policy);
        Assert.Equal(3, ticket.ExtensionWorkingDays);
    }

    [Fact]
    public void SendBack_AfterAnUnsatisfiedRevisit_StartsANewRoundForExtensionsAndSatisfaction()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Revisiting);
        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Unsatisfied, "费用还没退");
        factory.Tick();
        var sentBackAt = factory.Tick();

        ticket.SendBack(TicketFactory.Centre, sentBackAt, "家长不满意", factory.Policy);

        Assert.Equal(sentBackAt, ticket.DispatchedAt);
        Assert.Null(ticket.Satisfaction);
        Assert.Contains(ticket.Events, e => e.Action == TicketAction.RecordRevisit && e.Note!.StartsWith("不满意", StringComparison.Ordinal));
        ticket.RequestExtension(TicketFactory.Handler, factory.Tick(), "重办需要再次核实", 2, factory.Policy);
        Assert.False(ticket.ExtensionFiledLate);
    }

    [Fact]
    public void SendBack_Twice_KeepsTheFirstRoundsReplyAndLimitForTheReport()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);
        var (firstReply, firstLimit) = (ticket.RepliedAt, ticket.FirstReplyDueAt);
        Assert.Null(ticket.FirstRoundReplyDueAt);

        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "家长不满意", factory.Policy);
        ticket.Reply(TicketFactory.Handler, factory.Tick(), "重新核查后已退费。", requireReview: false);
        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "仍不满意", factory.Policy);

        Assert.NotEqual(firstLimit, ticket.FirstReplyDueAt);
        Assert.NotEqual(firstReply, ticket.RepliedAt);
        Assert.Equal((firstReply, firstLimit), (ticket.FirstRoundRepliedAt, (DateTimeOffset?)ticket.FirstRoundReplyDueAt));
    }
}
