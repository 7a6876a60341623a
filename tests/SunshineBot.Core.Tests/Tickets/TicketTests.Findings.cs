using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Tickets;

public sealed class TicketFindingsTests
{
    [Fact]
    public void RecordFinding_Complaint_SetsTheFindingAndLogsIt()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Closed);

        ticket.RecordFinding(TicketFactory.Centre, factory.Tick(), Finding.Substantiated, "收费票据属实");
        ticket.RecordFinding(TicketFactory.Centre, factory.Tick(), Finding.PartlySubstantiated, null);

        Assert.Equal(Finding.PartlySubstantiated, ticket.Finding);
        var events = ticket.Events.Where(e => e.Action == TicketAction.RecordFinding).ToList();
        Assert.Equal(["属实；收费票据属实", "部分属实"], events.Select(e => e.Note));
        Assert.All(events, e => Assert.Equal(TicketStatus.Closed, e.ToStatus));
    }

    [Fact]
    public void RecordFinding_Consultation_IsRefused()
    {
        var factory = new TicketFactory();
        var ticket = factory.Receive(TicketFactory.Intake(TicketKind.Consultation));

        var error = Assert.Throws<DomainException>(() => ticket.RecordFinding(TicketFactory.Centre, factory.Tick(), Finding.Substantiated, null));

        Assert.Contains("投诉和举报", error.Message, StringComparison.Ordinal);
        Assert.Null(ticket.Finding);
    }

    [Fact]
    public void RecordFinding_WithdrawnTicket_IsRefusedByTheStateMachine()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Withdrawn);

        Assert.Throws<TicketActionNotAllowedException>(() => ticket.RecordFinding(TicketFactory.Centre, factory.Tick(), Finding.Unsubstantiated, null));
    }

    [Fact]
    public void TagFault_DispatchedTicket_CountsAgainstTheHandlingUnitWithWhoWhenWhy()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);
        var at = factory.Tick();

        ticket.TagFault(TicketFactory.Centre, at, FaultKind.BuckPassing, "答复称不归本校管理");

        var fault = Assert.Single(ticket.Faults);
        Assert.Equal((FaultKind.BuckPassing, TicketFactory.FirstUnit, at, "王受理", "答复称不归本校管理"), (fault.Kind, fault.UnitCode, fault.At, fault.ActorName, fault.Reason));
        Assert.Equal("推诿扯皮：答复称不归本校管理", ticket.Events[^1].Note);
    }

    [Fact]
    public void TagFault_NoReason_IsRefusedAndAddsNothing()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);
        var events = ticket.Events.Count;

        Assert.Throws<DomainException>(() => ticket.TagFault(TicketFactory.Centre, factory.Tick(), FaultKind.LeakedInformation, "  "));

        Assert.Empty(ticket.Faults);
        Assert.Equal(events, ticket.Events.Count);
    }

    [Fact]
    public void RecordReplyConformity_Published_KeepsBothFacts()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.Replied);

        ticket.RecordReplyConformity(Actor.System, factory.Tick(), followsTemplate: true, hasStamp: false);

        Assert.Equal((true, false), (ticket.ReplyFollowsTemplate, ticket.ReplyHasStamp));
        Assert.Equal("答复符合模板，未加盖公章", ticket.Events[^1].Note);
    }

    [Fact]
    public void RecordReplyConformity_BeforeAnyReply_IsRefused()
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(TicketStatus.PendingReview);

        Assert.Throws<TicketActionNotAllowedException>(() => ticket.RecordReplyConformity(Actor.System, factory.Tick(), true, true));
    }

    [Theory]
    [InlineData("关于张先生（女士）反映的校服问题的回复\n\n张先生（女士）：\n\n您好！您反映的校服问题已收悉。我校进行了调查处理（核实），现回复如下：\n\n已退费。\n\n感谢您对我校工作的关注和支持。如有疑问，欢迎拨打一小电话1咨询。\n\n一小（公章）\n2026年11月16日", true)]
    [InlineData("已转学校处理。", false)]
    [InlineData("关于张先生反映的校服问题的回复\n现回复如下：已退费。\n感谢您的支持\n一小", false)]
    [InlineData("", false)]
    public void ReplyTemplate_Letter_ConformsOnlyWithEveryPart(string letter, bool conforms)
    {
        Assert.Equal(conforms, ReplyTemplate.Conforms(letter));
    }
}
