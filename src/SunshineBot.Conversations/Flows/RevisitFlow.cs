using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

public sealed class RevisitForm
{
    public string Number { get; set; } = "";

    public Satisfaction? Satisfaction { get; set; }

    public bool? Solved { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// 回访, started by the system after a reply: 满意 / 基本满意 / 不满意, whether the problem was solved, a comment;
/// 不满意 asks why and sends the ticket back (发回重办). Args: the ticket number.
/// </summary>
public sealed class RevisitFlow : WaterfallFlow<RevisitForm>
{
    private static readonly QuickReply[] Ratings =
    [
        new("满意", "rate:Satisfied"), new("基本满意", "rate:BasicallySatisfied"), new("不满意", "rate:Unsatisfied"),
    ];

    public override string Id => FlowIds.Revisit;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<RevisitForm>> Steps { get; } =
    [
        new("rating", (_, f) => OutgoingMessage.Say($"您反映的事项（工单 {f.Number}）已经答复了。请评价一下这次办理：", Ratings), HandleRating),
        new("solved", (_, _) => OutgoingMessage.Say("您的问题解决了吗？", new QuickReply("解决了", "solved:yes"), new QuickReply("没解决", "solved:no")), HandleSolved),
        new("reason", (_, _) => OutgoingMessage.Say("很抱歉让您不满意。请说说哪里不满意，我们会发回承办单位重新办理。"), HandleReason, f => f.Satisfaction == Satisfaction.Unsatisfied),
        new("comment", (_, _) => OutgoingMessage.Say("还有什么想对我们说的吗？没有可以回复“跳过”。", new QuickReply("跳过", "跳过")), HandleComment, f => f.Satisfaction != Satisfaction.Unsatisfied),
    ];

    protected override Task<RevisitForm> InitializeAsync(TurnContext turn, string? args) => Task.FromResult(new RevisitForm { Number = args ?? "" });

    protected override string? RestartArgs(RevisitForm form) => form.Number;

    protected override async Task CompleteAsync(TurnContext turn, RevisitForm form)
    {
        var outcome = await turn.Services.Tickets.RecordRevisitAsync(form.Number, turn.Message.UserId, form.Satisfaction!.Value, form.Solved, form.Comment, turn.CancellationToken);
        turn.Say(outcome switch
        {
            RevisitOutcome.SentBack => "已经把您的意见发回承办单位重新办理，新的答复期限可以回复“查询进度”查看。我们会继续跟进。",
            RevisitOutcome.Escalated => "这件事已经是第二次不满意了，已提交服务中心直接督办，工作人员会尽快联系您。",
            RevisitOutcome.NotApplicable => "这件事的回访已经完成了，谢谢您。",
            _ => "感谢您的评价！这件事已经办结。以后有问题随时找我们。",
        });
    }

    private static Task<StepOutcome> HandleRating(TurnContext turn, RevisitForm form, Reply reply)
    {
        var picked = ChoiceRecognizer.Match(reply.Value, Ratings);
        if (picked is null)
        {
            var key = TextNormalizer.Key(reply.Value);
            picked = key.StartsWith('不') || key.Contains("不满", StringComparison.Ordinal) ? Ratings[2]
                : key.Contains("一般", StringComparison.Ordinal) || key.Contains("还行", StringComparison.Ordinal) || key.Contains("还可以", StringComparison.Ordinal) ? Ratings[1]
                : key.Contains("满意", StringComparison.Ordinal) || YesNo.Recognize(key) == true ? Ratings[0]
                : null;
        }

        if (picked is null)
        {
            return Task.FromResult(StepOutcome.Retry("请选“满意”“基本满意”或“不满意”。"));
        }

        form.Satisfaction = Enum.Parse<Satisfaction>(picked.Value[5..]);
        return Task.FromResult(StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleSolved(TurnContext turn, RevisitForm form, Reply reply)
    {
        form.Solved = reply.Choice switch { "solved:yes" => true, "solved:no" => false, _ => YesNo.Recognize(reply.Value) };
        return Task.FromResult(form.Solved is null ? StepOutcome.Retry("请回复“解决了”或“没解决”。") : StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleReason(TurnContext turn, RevisitForm form, Reply reply)
    {
        if (TextNormalizer.Key(reply.Text).Length < 2 || Parsers.IsSkip(reply.Value))
        {
            return Task.FromResult(StepOutcome.Retry("为了让承办单位知道怎么改进，请简单说一下原因。"));
        }

        form.Comment = reply.Text.Length > 500 ? reply.Text[..500] : reply.Text;
        return Task.FromResult(StepOutcome.Next);
    }

    private static Task<StepOutcome> HandleComment(TurnContext turn, RevisitForm form, Reply reply)
    {
        form.Comment = Parsers.IsSkip(reply.Value) ? null : reply.Text.Length > 500 ? reply.Text[..500] : reply.Text;
        return Task.FromResult(StepOutcome.Next);
    }
}
