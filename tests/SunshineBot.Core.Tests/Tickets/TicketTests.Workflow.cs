using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Tickets;

/// <summary>交办 / 答复 / 审核 / 回访 / 办结 / 发回重办: the main path and what each step records.</summary>
public partial class TicketTests
{
    [Fact]
    public void Dispatch_Received_SetsUnitAndTimeAndRecordsIt()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();
        var at = Beijing(2026, 11, 16, 10);

        ticket.Dispatch(TicketFactory.Centre, at, "ZH001", "请核实");

        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal("ZH001", ticket.HandlingUnitCode);
        Assert.Equal((DateTimeOffset?)at, ticket.DispatchedAt);
        Assert.Equal("交办至 ZH001；请核实", ticket.Events[^1].Note);
    }

    [Fact]
    public void Dispatch_AgainToAnotherUnit_ReplacesUnitButKeepsLimitsFromReceipt()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var (replyDue, due) = (ticket.FirstReplyDueAt, ticket.DueAt);
        var at = factory.Tick();

        ticket.Dispatch(TicketFactory.Centre, at, TicketFactory.SecondUnit);

        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal(TicketFactory.SecondUnit, ticket.HandlingUnitCode);
        Assert.Equal((DateTimeOffset?)at, ticket.DispatchedAt);
        Assert.Equal(replyDue, ticket.FirstReplyDueAt);
        Assert.Equal(due, ticket.DueAt);
        Assert.Equal("交办至 ZH002", ticket.Events[^1].Note);
    }

    [Fact]
    public void Reply_WithoutReview_PublishedAtOnce()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var at = factory.Tick();

        ticket.Reply(TicketFactory.Handler, at, "  关于您反映的问题，答复如下。  ", requireReview: false);

        Assert.Equal(TicketStatus.Replied, ticket.Status);
        Assert.Equal("关于您反映的问题，答复如下。", ticket.ReplyText);
        Assert.Equal("李承办", ticket.RepliedBy);
        Assert.Equal((DateTimeOffset?)at, ticket.RepliedAt);
        Assert.Equal((DateTimeOffset?)at, ticket.ReplyPublishedAt);
        Assert.Equal("答复已发布", ticket.Events[^1].Note);
        Assert.Equal(TicketStatus.Replied, ticket.Events[^1].ToStatus);
        Assert.False(ticket.IsAwaitingReply);
        Assert.Equal((DateTimeOffset?)ticket.DueAt, ticket.CurrentDueAt);
    }

    [Fact]
    public void Reply_WithReview_WaitsUnpublished()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var at = factory.Tick();

        ticket.Reply(TicketFactory.Handler, at, TicketFactory.ReplyText, requireReview: true);

        Assert.Equal(TicketStatus.PendingReview, ticket.Status);
        Assert.Equal(TicketFactory.ReplyText, ticket.ReplyText);
        Assert.Equal((DateTimeOffset?)at, ticket.RepliedAt);
        Assert.Null(ticket.ReplyPublishedAt);
        Assert.Equal("提交审核", ticket.Events[^1].Note);
        Assert.Equal(TicketStatus.PendingReview, ticket.Events[^1].ToStatus);
        Assert.True(ticket.IsAwaitingReply);
    }

    [Fact]
    public void Reply_EmptyText_RefusedAndTicketUnchanged()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var events = ticket.Events.Count;

        var ex = Assert.Throws<DomainException>(() => ticket.Reply(TicketFactory.Handler, factory.Tick(), " ", requireReview: false));

        Assert.Equal("答复内容不能为空。", ex.Message);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal(events, ticket.Events.Count);
    }

    [Fact]
    public void Approve_PendingReview_PublishesReplyAtApproval()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview);
        var repliedAt = ticket.RepliedAt;
        var at = factory.Tick();

        ticket.Approve(TicketFactory.Leader, at, "同意");

        Assert.Equal(TicketStatus.Replied, ticket.Status);
        Assert.Equal((DateTimeOffset?)at, ticket.ReplyPublishedAt);
        Assert.Equal(repliedAt, ticket.RepliedAt);
        Assert.Equal("同意", ticket.Events[^1].Note);
        Assert.Equal("staff-leader", ticket.Events[^1].ActorId);
    }

    [Fact]
    public void Return_PendingReview_BackToUnitWithReason()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview);

        ticket.Return(TicketFactory.Leader, factory.Tick(), "未写明退费金额");

        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Null(ticket.ReplyPublishedAt);
        Assert.Equal("未写明退费金额", ticket.Events[^1].Note);
        Assert.Equal(TicketStatus.PendingReview, ticket.Events[^1].FromStatus);
    }

    [Fact]
    public void Return_WithoutReason_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview);

        Assert.Throws<DomainException>(() => ticket.Return(TicketFactory.Leader, factory.Tick(), ""));
        Assert.Equal(TicketStatus.PendingReview, ticket.Status);
    }

    [Fact]
    public void StartRevisit_Replied_FixesTheUnitBeingScored()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);

        ticket.StartRevisit(TicketFactory.Centre, factory.Tick());

        Assert.Equal(TicketStatus.Revisiting, ticket.Status);
        Assert.Equal(TicketFactory.FirstUnit, ticket.RevisitUnitCode);
    }

    [Fact]
    public void StartRevisit_ThenSentBackAndReDispatched_RevisitUnitStaysTheFirst()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Revisiting);

        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Unsatisfied, "费用未退");
        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "家长不满意", factory.Policy);
        ticket.Dispatch(TicketFactory.Centre, factory.Tick(), TicketFactory.SecondUnit);

        Assert.Equal(TicketFactory.SecondUnit, ticket.HandlingUnitCode);
        Assert.Equal(TicketFactory.FirstUnit, ticket.RevisitUnitCode);
    }

    [Fact]
    public void RecordRevisit_Revisiting_StoresSatisfactionAndRecordWithoutMoving()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Revisiting);

        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Unsatisfied, " 钱还没退 ");

        Assert.Equal(TicketStatus.Revisiting, ticket.Status);
        Assert.Equal(Satisfaction.Unsatisfied, ticket.Satisfaction);
        Assert.Equal("钱还没退", ticket.RevisitRecord);
        Assert.Equal("不满意；钱还没退", ticket.Events[^1].Note);
    }

    [Fact]
    public void RecordRevisit_StraightFromReplied_ScoresTheHandlingUnit()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);

        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Satisfied, null);

        Assert.Equal(TicketStatus.Replied, ticket.Status);
        Assert.Equal(Satisfaction.Satisfied, ticket.Satisfaction);
        Assert.Equal(TicketFactory.FirstUnit, ticket.RevisitUnitCode);
        Assert.Equal("满意", ticket.Events[^1].Note);
    }

    [Fact]
    public void RecordRevisit_FromRepliedAfterRedoByAnotherUnit_ScoresTheUnitThatRedidIt()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);
        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Unsatisfied, null);
        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "家长不满意", factory.Policy);
        ticket.Dispatch(TicketFactory.Centre, factory.Tick(), TicketFactory.SecondUnit);
        ticket.Reply(TicketFactory.Handler, factory.Tick(), TicketFactory.ReplyText, requireReview: false);

        ticket.RecordRevisit(TicketFactory.Centre, factory.Tick(), Satisfaction.Satisfied, null);

        Assert.Equal(TicketFactory.SecondUnit, ticket.RevisitUnitCode);
    }

    [Theory]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Revisiting)]
    public void Close_Open_SetsClosedAtByAndResult(TicketStatus from)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);
        var at = factory.Tick();

        ticket.Close(TicketFactory.Centre, at, "  已退还校服费480元。 ");

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal((DateTimeOffset?)at, ticket.ClosedAt);
        Assert.Equal("王受理", ticket.ClosedBy);
        Assert.Equal("已退还校服费480元。", ticket.Result);
        Assert.Equal("已退还校服费480元。", ticket.Events[^1].Note);
        Assert.False(ticket.IsOpen);
        Assert.Null(ticket.CurrentDueAt);
    }

    [Fact]
    public void Close_WithoutResult_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Revisiting);

        var ex = Assert.Throws<DomainException>(() => ticket.Close(TicketFactory.Centre, factory.Tick(), ""));

        Assert.Equal("处理结果不能为空。", ex.Message);
        Assert.Null(ticket.ClosedAt);
        Assert.Equal(TicketStatus.Revisiting, ticket.Status);
    }
}
