using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Tickets;

/// <summary>发回重办 / 催办 / 撤回 / 重复件 / notes: the actions around the main path.</summary>
public partial class TicketTests
{
    [Theory]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Revisiting)]
    public void SendBack_RepliedOrRevisiting_CountsRedoAndSetsNewLimitsFromNow(TicketStatus from)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);
        // Thursday 2026-11-26 14:00: 3 working days → Tuesday 12-01, 7 → Monday 12-07.
        var at = Beijing(2026, 11, 26, 14);

        ticket.SendBack(TicketFactory.Centre, at, "家长反映费用仍未退还", factory.Policy);

        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal(1, ticket.RedoCount);
        Assert.Equal("家长反映费用仍未退还", ticket.RedoReason);
        Assert.Null(ticket.ReplyPublishedAt);
        Assert.Equal(Beijing(2026, 12, 1, 14), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 12, 7, 14), ticket.DueAt);
        Assert.True(ticket.IsAwaitingReply);
        Assert.Equal("第1次重办：家长反映费用仍未退还", ticket.Events[^1].Note);
        Assert.Equal(from, ticket.Events[^1].FromStatus);
    }

    [Fact]
    public void SendBack_Twice_CountsEachRedo()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);
        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "第一次不满意", factory.Policy);
        ticket.Reply(TicketFactory.Handler, factory.Tick(), TicketFactory.ReplyText, requireReview: false);

        ticket.SendBack(TicketFactory.Centre, factory.Tick(), "第二次不满意", factory.Policy);

        Assert.Equal(2, ticket.RedoCount);
        Assert.Equal("第二次不满意", ticket.RedoReason);
        Assert.Equal("第2次重办：第二次不满意", ticket.Events[^1].Note);
    }

    [Fact]
    public void SendBack_WithoutReason_RefusedAndNotCounted()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Revisiting);

        Assert.Throws<DomainException>(() => ticket.SendBack(TicketFactory.Centre, factory.Tick(), " ", factory.Policy));

        Assert.Equal(0, ticket.RedoCount);
        Assert.Equal(TicketStatus.Revisiting, ticket.Status);
    }

    [Theory]
    [InlineData(TicketStatus.Received)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.PendingReview)]
    public void Urge_AwaitingReply_CountsWithoutMoving(TicketStatus from)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);

        ticket.Urge(TicketFactory.Leader, factory.Tick(), "请于今日答复");
        ticket.Urge(TicketFactory.Leader, factory.Tick(), null);

        Assert.Equal(2, ticket.UrgeCount);
        Assert.Equal(from, ticket.Status);
        Assert.Equal(TicketAction.Urge, ticket.Events[^2].Action);
        Assert.Equal("请于今日答复", ticket.Events[^2].Note);
        Assert.Null(ticket.Events[^1].Note);
    }

    [Theory]
    [InlineData(TicketStatus.Received)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.PendingReview)]
    public void Withdraw_ByFilerBeforeReply_Withdrawn(TicketStatus from)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);

        ticket.Withdraw(TicketFactory.Filer, factory.Tick(), "学校已退费");

        Assert.Equal(TicketStatus.Withdrawn, ticket.Status);
        Assert.False(ticket.IsOpen);
        Assert.Equal(TicketFactory.FilerId, ticket.Events[^1].ActorId);
        Assert.Equal("学校已退费", ticket.Events[^1].Note);
    }

    [Fact]
    public void Withdraw_ByStaff_RefusedAndTicketUnchanged()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Dispatched);
        var events = ticket.Events.Count;

        var ex = Assert.Throws<DomainException>(() => ticket.Withdraw(TicketFactory.Centre, factory.Tick(), null));

        Assert.IsNotType<TicketActionNotAllowedException>(ex);
        Assert.Equal("只有提交人本人可以撤回工单。", ex.Message);
        Assert.Equal(TicketStatus.Dispatched, ticket.Status);
        Assert.Equal(events, ticket.Events.Count);
    }

    [Fact]
    public void Withdraw_TicketTakenByPhoneWithoutFiler_RefusedForEveryone()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive(TicketFactory.Intake() with { FiledBy = null, Channel = Channel.Phone });

        Assert.Throws<DomainException>(() => ticket.Withdraw(TicketFactory.Filer, factory.Tick(), null));
        Assert.Throws<DomainException>(() => ticket.Withdraw(new Actor("", "无名"), factory.Tick(), null));
        Assert.Equal(TicketStatus.Received, ticket.Status);
    }

    [Theory]
    [InlineData(TicketStatus.Received)]
    [InlineData(TicketStatus.Dispatched)]
    public void MarkDuplicate_Open_LinksToOriginal(TicketStatus from)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);

        ticket.MarkDuplicate(TicketFactory.Centre, factory.Tick(), "YG20261110-0007");

        Assert.Equal(TicketStatus.Duplicate, ticket.Status);
        Assert.Equal("YG20261110-0007", ticket.DuplicateOfNumber);
        Assert.Equal("与 YG20261110-0007 重复", ticket.Events[^1].Note);
        Assert.False(ticket.IsOpen);
    }

    [Fact]
    public void MarkDuplicate_OfItself_Refused()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();

        Assert.Throws<DomainException>(() => ticket.MarkDuplicate(TicketFactory.Centre, factory.Tick(), ticket.Number));
        Assert.Null(ticket.DuplicateOfNumber);
        Assert.Equal(TicketStatus.Received, ticket.Status);
    }

    [Fact]
    public void ProposeActionAndLeaderInstruct_Received_FillTheFormFields()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();

        ticket.ProposeAction(TicketFactory.Centre, factory.Tick(), "建议交珠晖区教育局");
        ticket.LeaderInstruct(TicketFactory.Leader, factory.Tick(), "请三日内查清");

        Assert.Equal("建议交珠晖区教育局", ticket.ProposedAction);
        Assert.Equal("请三日内查清", ticket.LeaderInstruction);
        Assert.Equal([TicketAction.Receive, TicketAction.ProposeAction, TicketAction.LeaderInstruct], ticket.Events.Select(e => e.Action));
    }

    [Fact]
    public void AddNoteAndRevealContact_Closed_AuditedWithoutReopening()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Closed);
        var at = factory.Tick();

        ticket.AddNote(TicketFactory.Centre, at, "家长来电致谢");
        ticket.RevealContact(TicketFactory.Leader, at);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("家长来电致谢", ticket.Events[^2].Note);
        var reveal = ticket.Events[^1];
        Assert.Equal(TicketAction.RevealContact, reveal.Action);
        Assert.Equal("staff-leader", reveal.ActorId);
        Assert.Equal(at, reveal.At);
    }

    [Fact]
    public void AddAttachment_Received_KeptWithItsFileNameInTheTimeline()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive();
        var at = factory.Tick();

        ticket.AddAttachment(TicketFactory.Filer, at, new TicketAttachment("收据.jpg", "image/jpeg", 123_456, "att/2026/11/abc", at));

        var attachment = Assert.Single(ticket.Attachments);
        Assert.Equal("att/2026/11/abc", attachment.StorageKey);
        Assert.Equal("收据.jpg", ticket.Events[^1].Note);
    }

    [Fact]
    public void Events_WholeLifecycle_NumberedInOrderAndChained()
    {
        var factory = new TicketFactory();

        var ticket = factory.InState(TicketStatus.Closed);

        Assert.Equal(Enumerable.Range(1, ticket.Events.Count), ticket.Events.Select(e => e.Sequence));
        for (var i = 1; i < ticket.Events.Count; i++)
        {
            Assert.Equal(ticket.Events[i - 1].ToStatus, ticket.Events[i].FromStatus);
            Assert.True(ticket.Events[i - 1].At < ticket.Events[i].At);
        }
    }
}
