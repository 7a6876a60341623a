using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Tickets;

public class TicketWorkflowTests
{
    private static readonly TicketAction[] AnywhereOpen =
        [TicketAction.ProposeAction, TicketAction.LeaderInstruct, TicketAction.AddAttachment, TicketAction.AddNote, TicketAction.RevealContact];

    private static readonly TicketAction[] Anywhere = [TicketAction.AddNote, TicketAction.RevealContact];

    /// <summary>
    /// The centre's findings, fault tags and groups of similar complaints: on any ticket still open or closed, never on a
    /// withdrawn or merged one.
    /// </summary>
    private static readonly TicketAction[] Supervision = [TicketAction.RecordFinding, TicketAction.TagFault, TicketAction.LinkGroup, TicketAction.UnlinkGroup];

    /// <summary>Reply conformity is recorded once a reply is out (published), and may be corrected after closure.</summary>
    private static readonly TicketStatus[] ReplyOut = [TicketStatus.Replied, TicketStatus.Revisiting, TicketStatus.Closed];

    /// <summary>
    /// The designed state machine, written out by hand from the foundation issue so that a wrong table in Core fails:
    /// Received → Dispatched → (PendingReview) → Replied → Revisiting → Closed; SendBack from Replied/Revisiting to
    /// Dispatched; Withdraw before the reply; MarkDuplicate from Received/Dispatched. Actions that keep the state map to it.
    /// </summary>
    private static readonly Dictionary<(TicketStatus From, TicketAction Action), TicketStatus> DesignedTable = BuildDesignedTable();

    public static TheoryData<TicketStatus, TicketAction> AllowedPairs() => Pairs(allowed: true);

    public static TheoryData<TicketStatus, TicketAction> IllegalPairs() => Pairs(allowed: false);

    [Fact]
    public void IsAllowed_EveryStateAndAction_MatchesTheDesignedTable()
    {
        var mismatches = (
            from status in Enum.GetValues<TicketStatus>()
            from action in Enum.GetValues<TicketAction>()
            let designed = DesignedTable.ContainsKey((status, action))
            where TicketWorkflow.IsAllowed(status, action) != designed
            select $"{status} × {action}: designed {(designed ? "allowed" : "refused")}").ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Next_EveryDesignedPair_LeadsToTheDesignedState()
    {
        foreach (var ((from, action), to) in DesignedTable)
        {
            Assert.Equal(to, TicketWorkflow.Next(from, action));
        }
    }

    [Fact]
    public void Next_ReplyWithReviewTarget_LeadsToPendingReview()
    {
        Assert.Equal(TicketStatus.PendingReview, TicketWorkflow.Next(TicketStatus.Dispatched, TicketAction.Reply, TicketStatus.PendingReview));
    }

    [Fact]
    public void Next_ReceiveInAnyState_IsRefused()
    {
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            Assert.Throws<TicketActionNotAllowedException>(() => TicketWorkflow.Next(status, TicketAction.Receive));
        }
    }

    [Fact]
    public void AllowedActions_Closed_OnlyNoteRevealAndSupervision()
    {
        Assert.Equal(
            [TicketAction.AddNote, TicketAction.RevealContact, TicketAction.RecordFinding, TicketAction.TagFault, TicketAction.RecordReplyConformity, TicketAction.LinkGroup, TicketAction.UnlinkGroup],
            TicketWorkflow.AllowedActions(TicketStatus.Closed).Order());
    }

    [Fact]
    public void AllowedActions_Received_MatchesTheDesignedRow()
    {
        var designed = DesignedTable.Keys.Where(k => k.From == TicketStatus.Received).Select(k => k.Action).Order();

        Assert.Equal(designed, TicketWorkflow.AllowedActions(TicketStatus.Received).Order());
    }

    [Fact]
    public void NotAllowedException_ClosedAndSendBack_MessageNamesBothInChinese()
    {
        var ex = new TicketActionNotAllowedException(TicketStatus.Closed, TicketAction.SendBack);

        Assert.Equal("工单当前状态为「已办结」，不能执行「发回重办」。", ex.Message);
        Assert.IsAssignableFrom<DomainException>(ex);
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Perform_AllowedAction_MovesToDesignedStateAndAppendsEvent(TicketStatus from, TicketAction action)
    {
        var factory = new TicketFactory();
        var needsPendingExtension = action is TicketAction.ApproveExtension or TicketAction.RejectExtension;
        var ticket = factory.InState(from, needsPendingExtension, action == TicketAction.SetLimit ? Severity.Urgent : Severity.Normal, onSiteVisit: action == TicketAction.RecordVisit);
        if (action == TicketAction.SupplyInformation)
        {
            ticket.RequestInformation(TicketFactory.Handler, factory.Tick(), "孩子所在班级");
        }

        if (action == TicketAction.UnlinkGroup)
        {
            ticket.LinkToGroup(TicketFactory.Centre, factory.Tick(), "YG20261101-0042");
        }

        var eventsBefore = ticket.Events.ToList();
        var at = factory.Tick();

        TicketActions.Perform(ticket, action, factory, at);

        var expected = DesignedTable[(from, action)];
        Assert.Equal(expected, ticket.Status);
        Assert.Equal(eventsBefore.Count + 1, ticket.Events.Count);
        Assert.Equal(eventsBefore, ticket.Events.Take(eventsBefore.Count));
        var appended = ticket.Events[^1];
        var actor = TicketActions.ActorFor(action);
        Assert.Equal(ticket.Events.Count, appended.Sequence);
        Assert.Equal(at, appended.At);
        Assert.Equal(actor.Id, appended.ActorId);
        Assert.Equal(actor.Name, appended.ActorName);
        Assert.Equal(action, appended.Action);
        Assert.Equal(from, appended.FromStatus);
        Assert.Equal(expected, appended.ToStatus);
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void Perform_IllegalAction_RefusedNamingStateAndActionAndTicketUnchanged(TicketStatus from, TicketAction action)
    {
        var factory = new TicketFactory();
        var ticket = factory.InState(from);
        var before = Snapshot.Of(ticket);

        var ex = Assert.Throws<TicketActionNotAllowedException>(() => TicketActions.Perform(ticket, action, factory, factory.Tick()));

        Assert.Equal(from, ex.Status);
        Assert.Equal(action, ex.Action);
        Assert.Contains($"「{Labels.Of(from)}」", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"「{Labels.Of(action)}」", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(ticket));
    }

    private static TheoryData<TicketStatus, TicketAction> Pairs(bool allowed)
    {
        var data = new TheoryData<TicketStatus, TicketAction>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            // Receive has no instance method: it only creates tickets (checked by Next_ReceiveInAnyState_IsRefused).
            foreach (var action in Enum.GetValues<TicketAction>().Where(a => a != TicketAction.Receive))
            {
                if (TicketWorkflow.IsAllowed(status, action) == allowed)
                {
                    data.Add(status, action);
                }
            }
        }

        return data;
    }

    private static Dictionary<(TicketStatus, TicketAction), TicketStatus> BuildDesignedTable()
    {
        var table = new Dictionary<(TicketStatus, TicketAction), TicketStatus>();

        void Row(TicketStatus from, params (TicketAction Action, TicketStatus To)[] moves)
        {
            foreach (var (action, to) in moves)
            {
                table.Add((from, action), to);
            }

            var stays = from is TicketStatus.Closed or TicketStatus.Withdrawn or TicketStatus.Duplicate ? Anywhere : AnywhereOpen;
            foreach (var action in stays)
            {
                table.Add((from, action), from);
            }

            if (from is not (TicketStatus.Withdrawn or TicketStatus.Duplicate))
            {
                foreach (var action in Supervision)
                {
                    table.Add((from, action), from);
                }
            }

            if (ReplyOut.Contains(from))
            {
                table.Add((from, TicketAction.RecordReplyConformity), from);
            }
        }

        Row(
            TicketStatus.Received,
            (TicketAction.CorrectIntake, TicketStatus.Received),
            (TicketAction.SetLimit, TicketStatus.Received),
            (TicketAction.FlagCase, TicketStatus.Received),
            (TicketAction.Dispatch, TicketStatus.Dispatched),
            (TicketAction.Urge, TicketStatus.Received),
            (TicketAction.Withdraw, TicketStatus.Withdrawn),
            (TicketAction.MarkDuplicate, TicketStatus.Duplicate),
            (TicketAction.RequestInformation, TicketStatus.Received),
            (TicketAction.SupplyInformation, TicketStatus.Received));
        Row(
            TicketStatus.Dispatched,
            (TicketAction.Acknowledge, TicketStatus.Dispatched),
            (TicketAction.HandBack, TicketStatus.Received),
            (TicketAction.CorrectIntake, TicketStatus.Dispatched),
            (TicketAction.SetLimit, TicketStatus.Dispatched),
            (TicketAction.FlagCase, TicketStatus.Dispatched),
            (TicketAction.RecordVisit, TicketStatus.Dispatched),
            (TicketAction.Dispatch, TicketStatus.Dispatched),
            (TicketAction.Reply, TicketStatus.Replied),
            (TicketAction.RequestExtension, TicketStatus.Dispatched),
            (TicketAction.ApproveExtension, TicketStatus.Dispatched),
            (TicketAction.RejectExtension, TicketStatus.Dispatched),
            (TicketAction.Urge, TicketStatus.Dispatched),
            (TicketAction.Withdraw, TicketStatus.Withdrawn),
            (TicketAction.MarkDuplicate, TicketStatus.Duplicate),
            (TicketAction.RequestInformation, TicketStatus.Dispatched),
            (TicketAction.SupplyInformation, TicketStatus.Dispatched));
        Row(
            TicketStatus.PendingReview,
            (TicketAction.CorrectIntake, TicketStatus.PendingReview),
            (TicketAction.SetLimit, TicketStatus.PendingReview),
            (TicketAction.FlagCase, TicketStatus.PendingReview),
            (TicketAction.RecordVisit, TicketStatus.PendingReview),
            (TicketAction.Approve, TicketStatus.Replied),
            (TicketAction.Return, TicketStatus.Dispatched),
            (TicketAction.ApproveExtension, TicketStatus.PendingReview),
            (TicketAction.RejectExtension, TicketStatus.PendingReview),
            (TicketAction.Urge, TicketStatus.PendingReview),
            (TicketAction.Withdraw, TicketStatus.Withdrawn));
        Row(
            TicketStatus.Replied,
            (TicketAction.CorrectIntake, TicketStatus.Replied),
            (TicketAction.FlagCase, TicketStatus.Replied),
            (TicketAction.RecordVisit, TicketStatus.Replied),
            (TicketAction.StartRevisit, TicketStatus.Revisiting),
            (TicketAction.RecordRevisit, TicketStatus.Replied),
            (TicketAction.Close, TicketStatus.Closed),
            (TicketAction.SendBack, TicketStatus.Dispatched));
        Row(
            TicketStatus.Revisiting,
            (TicketAction.CorrectIntake, TicketStatus.Revisiting),
            (TicketAction.FlagCase, TicketStatus.Revisiting),
            (TicketAction.RecordVisit, TicketStatus.Revisiting),
            (TicketAction.RecordRevisit, TicketStatus.Revisiting),
            (TicketAction.Close, TicketStatus.Closed),
            (TicketAction.SendBack, TicketStatus.Dispatched));
        Row(TicketStatus.Closed);
        Row(TicketStatus.Withdrawn);
        Row(TicketStatus.Duplicate);
        return table;
    }

    /// <summary>The parts of a ticket an illegal action could have touched.</summary>
    private sealed record Snapshot(
        TicketStatus Status, int Events, int Attachments, string? HandlingUnit, DateTimeOffset FirstReplyDue, DateTimeOffset Due,
        int Redo, int Urge, string? Reply, Satisfaction? Satisfaction, string? Result, string? DuplicateOf, string? Group, string? Extension,
        string? ProposedAction, string? LeaderInstruction)
    {
        public static Snapshot Of(Ticket t) => new(
            t.Status, t.Events.Count, t.Attachments.Count, t.HandlingUnitCode, t.FirstReplyDueAt, t.DueAt, t.RedoCount, t.UrgeCount,
            t.ReplyText, t.Satisfaction, t.Result, t.DuplicateOfNumber, t.GroupNumber, t.ExtensionReason, t.ProposedAction, t.LeaderInstruction);
    }
}
