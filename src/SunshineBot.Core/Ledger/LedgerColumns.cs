namespace SunshineBot.Core.Ledger;

/// <summary>
/// 台账的列: the intake form's Chinese names (seed 001, annex 2) plus the workflow facts, in the order bureaus keep
/// them. One definition for the CSV and .xlsx writers and for the importer, so a ledger exported here reads back.
/// </summary>
public static class LedgerColumns
{
    public const string Number = "工单号";
    public const string ReceivedAt = "受理时间";
    public const string VisitorName = "来访人姓名";
    public const string VisitorPhone = "联系电话";
    public const string Kind = "受理类型";
    public const string Severity = "事件级别";
    public const string Channel = "受理渠道";
    public const string ReceivingUnit = "受理部门";
    public const string ReceivedBy = "受理人";
    public const string HandlingUnit = "办理部门";
    public const string School = "学校";
    public const string Category = "问题类别";
    public const string Description = "问题描述";
    public const string DueAt = "办结时限";
    public const string RepliedAt = "答复时间";
    public const string ClosedAt = "办结时间";
    public const string ClosedBy = "办结人";
    public const string ProposedAction = "拟办意见";
    public const string LeaderInstruction = "领导批示";
    public const string RevisitRecord = "回访情况";
    public const string RedoReason = "重办原因";
    public const string RedoCount = "重办次数";
    public const string Satisfaction = "满意情况";
    public const string Result = "处理结果";
    public const string Urges = "催办时间";
    public const string Finding = "核实结论";
    public const string FaultTags = "问题标签";
    public const string ReplyConforms = "答复规范";
    public const string ReplyStamped = "加盖公章";

    /// <summary>What 受理部门 says for a ticket that came in online (chat, WeChat): no receiving unit.</summary>
    public const string Online = "网上受理";

    /// <summary>What 来访人姓名 says for an anonymous report.</summary>
    public const string Anonymous = "匿名";

    /// <summary>Separator of the list columns (催办时间, 问题标签); the full-width one is accepted on import too.</summary>
    public const char ListSeparator = ';';

    /// <summary>How instants are written, in the calendar's time zone (seconds kept: the ledger reads back exactly).</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static IReadOnlyList<string> All { get; } =
    [
        Number, ReceivedAt, VisitorName, VisitorPhone, Kind, Severity, Channel, ReceivingUnit, ReceivedBy, HandlingUnit,
        School, Category, Description, DueAt, RepliedAt, ClosedAt, ClosedBy, ProposedAction, LeaderInstruction,
        RevisitRecord, RedoReason, RedoCount, Satisfaction, Result, Urges, Finding, FaultTags, ReplyConforms, ReplyStamped,
    ];

    public static int IndexOf(string column)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(column), column, "not a ledger column");
    }
}
