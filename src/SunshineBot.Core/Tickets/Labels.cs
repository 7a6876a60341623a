namespace SunshineBot.Core.Tickets;

/// <summary>The Chinese names people read for the domain's enums (the intake form's wording).</summary>
public static class Labels
{
    public static string Of(TicketKind kind) => kind switch
    {
        TicketKind.Consultation => "咨询",
        TicketKind.Help => "求助",
        TicketKind.Complaint => "投诉",
        TicketKind.Report => "举报",
        TicketKind.Suggestion => "建议",
        _ => "其他",
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Important => "重要件",
        Severity.Urgent => "重大特急件",
        _ => "一般件",
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.WeChat => "微信公众号",
        Channel.WebChat => "网页咨询",
        Channel.Phone => "电话",
        Channel.WalkIn => "来访",
        Channel.Hotline12345 => "12345热线",
        _ => channel.ToString(),
    };

    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.Received => "已受理",
        TicketStatus.Dispatched => "已交办",
        TicketStatus.PendingReview => "待审核",
        TicketStatus.Replied => "已答复",
        TicketStatus.Revisiting => "待回访",
        TicketStatus.Closed => "已办结",
        TicketStatus.Withdrawn => "已撤回",
        TicketStatus.Duplicate => "重复件",
        _ => status.ToString(),
    };

    public static string Of(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Unsatisfied => "不满意",
        _ => "未回访",
    };

    public static string Of(TicketCategory category) => category switch
    {
        TicketCategory.TuitionAndMiscFees => "学杂费",
        TicketCategory.SupplementaryMaterials => "教辅资料",
        TicketCategory.Uniforms => "校服",
        TicketCategory.AfterSchoolService => "课后服务",
        TicketCategory.PaidTutoring => "补课",
        TicketCategory.CollectedOnBehalf => "代收费",
        TicketCategory.AdmissionLinkedFees => "择校/借读/赞助",
        TicketCategory.KindergartenFees => "幼儿园收费",
        TicketCategory.BoardingAndMeals => "住宿/伙食",
        TicketCategory.OtherFees => "其他收费",
        TicketCategory.Enrolment => "招生入学",
        TicketCategory.TeacherConduct => "师德师风",
        TicketCategory.CampusSafety => "校园安全",
        TicketCategory.Canteen => "食堂",
        _ => "其他",
    };

    public static string Of(TicketAction action) => action switch
    {
        TicketAction.Receive => "受理",
        TicketAction.Dispatch => "交办",
        TicketAction.ProposeAction => "拟办意见",
        TicketAction.LeaderInstruct => "领导批示",
        TicketAction.Reply => "答复",
        TicketAction.Approve => "审核通过",
        TicketAction.Return => "审核退回",
        TicketAction.StartRevisit => "发起回访",
        TicketAction.RecordRevisit => "记录回访",
        TicketAction.Close => "办结",
        TicketAction.SendBack => "发回重办",
        TicketAction.RequestExtension => "申请延期",
        TicketAction.ApproveExtension => "批准延期",
        TicketAction.RejectExtension => "驳回延期",
        TicketAction.Urge => "催办",
        TicketAction.Withdraw => "撤回",
        TicketAction.MarkDuplicate => "标记重复件",
        TicketAction.AddNote => "内部备注",
        TicketAction.RevealContact => "查看联系方式",
        TicketAction.AddAttachment => "添加附件",
        TicketAction.RecordFinding => "核实结论",
        TicketAction.TagFault => "问题标签",
        TicketAction.RecordReplyConformity => "答复规范",
        TicketAction.Acknowledge => "签收",
        TicketAction.HandBack => "退回中心",
        TicketAction.CorrectIntake => "更正受理信息",
        TicketAction.SetLimit => "另行设定时限",
        TicketAction.FlagCase => "督办",
        TicketAction.RecordVisit => "现场核查",
        TicketAction.RequestInformation => "一次性告知",
        TicketAction.SupplyInformation => "家长补充材料",
        TicketAction.LinkGroup => "归并同类诉求",
        TicketAction.UnlinkGroup => "解除归并",
        _ => action.ToString(),
    };

    public static string Of(Finding finding) => finding switch
    {
        Finding.Substantiated => "属实",
        Finding.PartlySubstantiated => "部分属实",
        _ => "不属实",
    };

    public static string Of(FaultKind kind) => kind switch
    {
        FaultKind.BuckPassing => "推诿扯皮",
        FaultKind.ReplyContradictsFacts => "答复与事实不符",
        FaultKind.ReplyTooThin => "答复过于简单",
        FaultKind.LeakedInformation => "泄露信息",
        _ => "对中心的投诉(属实)",
    };
}
