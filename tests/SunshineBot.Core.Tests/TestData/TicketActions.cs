using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.TestData;

/// <summary>Performs any <see cref="TicketAction"/> on a ticket through its public method, with valid arguments.</summary>
internal static class TicketActions
{
    /// <summary>The actor each action is performed by: the filer withdraws, the handler replies, the centre does the rest.</summary>
    public static Actor ActorFor(TicketAction action) => action switch
    {
        TicketAction.Withdraw or TicketAction.SupplyInformation => TicketFactory.Filer,
        TicketAction.Reply or TicketAction.RequestExtension or TicketAction.Acknowledge or TicketAction.HandBack or TicketAction.RecordVisit or TicketAction.RequestInformation => TicketFactory.Handler,
        TicketAction.LeaderInstruct or TicketAction.Approve => TicketFactory.Leader,
        _ => TicketFactory.Centre,
    };

    public static void Perform(Ticket ticket, TicketAction action, TicketFactory factory, DateTimeOffset at)
    {
        var actor = ActorFor(action);
        var policy = factory.Policy;
        switch (action)
        {
            case TicketAction.Dispatch: ticket.Dispatch(actor, at, TicketFactory.SecondUnit, "请5日内办理"); break;
            case TicketAction.ProposeAction: ticket.ProposeAction(actor, at, "建议交珠晖区教育局核查"); break;
            case TicketAction.LeaderInstruct: ticket.LeaderInstruct(actor, at, "请尽快核实处理"); break;
            case TicketAction.Reply: ticket.Reply(actor, at, TicketFactory.ReplyText, requireReview: false); break;
            case TicketAction.Approve: ticket.Approve(actor, at, "同意发布"); break;
            case TicketAction.Return: ticket.Return(actor, at, "答复未说明退费金额"); break;
            case TicketAction.StartRevisit: ticket.StartRevisit(actor, at); break;
            case TicketAction.RecordRevisit: ticket.RecordRevisit(actor, at, Satisfaction.BasicallySatisfied, "基本满意"); break;
            case TicketAction.Close: ticket.Close(actor, at, "已办结"); break;
            case TicketAction.SendBack: ticket.SendBack(actor, at, "家长反映费用未退", policy); break;
            case TicketAction.RequestExtension: ticket.RequestExtension(actor, at, "需要调取票据", 3, policy); break;
            case TicketAction.ApproveExtension: ticket.ApproveExtension(actor, at, policy); break;
            case TicketAction.RejectExtension: ticket.RejectExtension(actor, at, "理由不充分"); break;
            case TicketAction.Urge: ticket.Urge(actor, at, "请加快办理"); break;
            case TicketAction.Withdraw: ticket.Withdraw(actor, at, "不需要了"); break;
            case TicketAction.MarkDuplicate: ticket.MarkDuplicate(actor, at, "YG20261101-0042"); break;
            case TicketAction.LinkGroup: ticket.LinkToGroup(actor, at, "YG20261101-0042"); break;
            case TicketAction.UnlinkGroup: ticket.UnlinkFromGroup(actor, at, "不是同一件事"); break;
            case TicketAction.AddNote: ticket.AddNote(actor, at, "已电话联系学校"); break;
            case TicketAction.RevealContact: ticket.RevealContact(actor, at); break;
            case TicketAction.AddAttachment:
                ticket.AddAttachment(actor, at, new TicketAttachment("receipt.jpg", "image/jpeg", 2048, "att/1", at));
                break;
            case TicketAction.RecordFinding: ticket.RecordFinding(actor, at, Finding.PartlySubstantiated, "部分收费属实"); break;
            case TicketAction.TagFault: ticket.TagFault(actor, at, FaultKind.ReplyTooThin, "答复只写了已转学校处理"); break;
            case TicketAction.RecordReplyConformity: ticket.RecordReplyConformity(actor, at, followsTemplate: false, hasStamp: true, "缺少联系电话"); break;
            case TicketAction.Acknowledge: ticket.Acknowledge(actor, at, "已安排专人办理"); break;
            case TicketAction.HandBack: ticket.HandBack(actor, at, "不属于本单位职责"); break;
            case TicketAction.CorrectIntake: ticket.CorrectIntake(actor, at, null, null, TicketCategory.Canteen, "类别登记错误", policy); break;
            case TicketAction.SetLimit: ticket.SetUrgentLimit(actor, at, 24, null, "局领导要求", policy); break;
            case TicketAction.FlagCase: ticket.FlagCase(actor, at, CaseFlag.Coordination, at.AddDays(5), onSiteVisit: true, "多部门协调"); break;
            case TicketAction.RecordVisit: ticket.RecordVisit(actor, at, "到校核查，情况属实"); break;
            case TicketAction.RequestInformation: ticket.RequestInformation(actor, at, "孩子所在班级；收据照片"); break;
            case TicketAction.SupplyInformation: ticket.SupplyInformation(actor, at, "三年级二班", policy); break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "no instance method performs this action");
        }
    }
}
