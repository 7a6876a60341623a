using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.TestData;

/// <summary>
/// Builds a real <see cref="Ticket"/> in any state by walking it through the public workflow methods.
/// Each factory owns its own policy and clock; every step happens one hour after the previous one.
/// </summary>
internal sealed class TicketFactory
{
    public const string FilerId = "wx-openid-parent-1";
    public const string FirstUnit = "ZH001";
    public const string SecondUnit = "ZH002";

    public static readonly Actor Centre = new("staff-centre", "王受理");
    public static readonly Actor Handler = new("staff-zh001", "李承办");
    public static readonly Actor Leader = new("staff-leader", "赵主任");
    public static readonly Actor Filer = new(FilerId, "张家长");

    public TicketFactory(DeadlineOptions? options = null)
    {
        Policy = new DeadlinePolicy(Real(), options ?? new DeadlineOptions());
    }

    public DeadlinePolicy Policy { get; }

    /// <summary>Monday 2026-11-16 09:00 in Beijing: far from any holiday.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = Beijing(2026, 11, 16, 9);

    /// <summary>The instant the next step will use; <see cref="Tick"/> moves it on.</summary>
    public DateTimeOffset Now { get; private set; }

    public DateTimeOffset Tick() => Now = Now.AddHours(1);

    public static TicketIntake Intake(TicketKind kind = TicketKind.Complaint, Severity severity = Severity.Normal) => new()
    {
        Kind = kind,
        Severity = severity,
        Channel = Channel.WeChat,
        Category = TicketCategory.Uniforms,
        Description = "学校要求统一购买校服，每套480元，不买不让参加升旗仪式。",
        VisitorName = "张三丰",
        VisitorPhone = "138 1234 1234",
        FiledBy = FilerId,
        SchoolName = "珠晖区第一小学",
    };

    public Ticket Receive(TicketIntake? intake = null)
    {
        Now = ReceivedAt;
        return Ticket.Receive(intake ?? Intake(), "YG20261116-0001", Centre, ReceivedAt, Policy);
    }

    /// <summary>A ticket in <paramref name="status"/>, optionally with an extension request waiting for approval.</summary>
    /// <param name="severity">The intake's severity (an urgent ticket may carry its own limit).</param>
    /// <param name="onSiteVisit">Flag the ticket as a supervised case that needs an on-site visit, before the rest of the walk.</param>
    public Ticket InState(TicketStatus status, bool pendingExtension = false, Severity severity = Severity.Normal, bool onSiteVisit = false)
    {
        var ticket = Receive(Intake(severity: severity));
        if (onSiteVisit)
        {
            ticket.FlagCase(Centre, Tick(), CaseFlag.Supervised, Now.AddDays(10), onSiteVisit: true, null);
        }

        switch (status)
        {
            case TicketStatus.Received:
                break;
            case TicketStatus.Dispatched:
                Dispatch(ticket, pendingExtension);
                break;
            case TicketStatus.PendingReview:
                Dispatch(ticket, pendingExtension);
                ticket.Reply(Handler, Tick(), ReplyText, requireReview: true);
                break;
            case TicketStatus.Replied:
                Dispatch(ticket, pendingExtension);
                ticket.Reply(Handler, Tick(), ReplyText, requireReview: false);
                break;
            case TicketStatus.Revisiting:
                ticket = InState(TicketStatus.Replied, pendingExtension, severity, onSiteVisit);
                ticket.StartRevisit(Centre, Tick());
                break;
            case TicketStatus.Closed:
                ticket = InState(TicketStatus.Revisiting, pendingExtension, severity, onSiteVisit);
                ticket.RecordRevisit(Centre, Tick(), Satisfaction.Satisfied, "家长表示已退费。");
                ticket.Close(Centre, Tick(), "已责令学校停止强制购买，费用已退还。");
                break;
            case TicketStatus.Withdrawn:
                ticket.Withdraw(Filer, Tick(), "问题已自行解决");
                break;
            case TicketStatus.Duplicate:
                ticket.MarkDuplicate(Centre, Tick(), "YG20261115-0003");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    public const string ReplyText = "关于您反映的校服收费问题，经核查，学校已停止强制购买并退还费用。感谢您的监督。";

    private void Dispatch(Ticket ticket, bool pendingExtension)
    {
        ticket.Dispatch(Centre, Tick(), FirstUnit);
        if (pendingExtension)
        {
            ticket.RequestExtension(Handler, Tick(), "需要到校核实收费票据", 2, Policy);
        }
    }
}
