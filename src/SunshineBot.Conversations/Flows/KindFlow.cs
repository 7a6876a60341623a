using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Flows;

public sealed class KindForm
{
    /// <summary>The parent's story as written, carried into the form as its description.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// "我要反映问题", or a story that says 反映 without saying how: asks which kind to file, each explained in a few
/// words, and starts the form with the story kept. Never defaults to a consultation. Args: the story (may be null).
/// </summary>
public sealed class KindFlow : WaterfallFlow<KindForm>
{
    private static readonly QuickReply[] Kinds =
    [
        new("投诉", "kind:Complaint"), new("举报", "kind:Report"), new("求助", "kind:Help"), new("建议", "kind:Suggestion"), new("咨询", "kind:Consultation"),
    ];

    public override string Id => FlowIds.Kind;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<KindForm>> Steps { get; } = [new("kind", AskKind, HandleKindAsync)];

    protected override Task<KindForm> InitializeAsync(TurnContext turn, string? args) =>
        Task.FromResult(new KindForm { Description = string.IsNullOrWhiteSpace(args) ? null : args });

    protected override Task CompleteAsync(TurnContext turn, KindForm form) => Task.CompletedTask;

    /// <summary>The story a parent told before choosing, for a kind chosen by typing "投诉" here.</summary>
    public static string? DescriptionOf(DialogFrame frame) => Load(frame).Description;

    private static OutgoingMessage AskKind(TurnContext turn, KindForm form) => OutgoingMessage.Say(
        (form.Description is null ? "好的。" : "好的，您说的情况我先记下了。") + "请问按哪一类登记？\n"
        + "投诉：学校或老师的做法损害了您或孩子的权益；\n举报：发现违规收费、违纪等行为，可以匿名；\n求助：遇到困难需要帮忙；\n"
        + "建议：对学校或教育工作有想法；\n咨询：想问清楚政策或办理办法。",
        Kinds);

    private static async Task<StepOutcome> HandleKindAsync(TurnContext turn, KindForm form, Reply reply)
    {
        var picked = ChoiceRecognizer.Match(reply.Value, Kinds);
        if (picked is null || !Enum.TryParse<TicketKind>(picked.Value[5..], out var kind))
        {
            return StepOutcome.Retry("请选一类：投诉、举报、求助、建议或咨询。");
        }

        turn.End(turn.State.Top!);
        await turn.BeginAsync(FlowIds.Intake, form.Description is null ? kind.ToString() : $"{kind}|{form.Description}");
        return StepOutcome.Done;
    }
}
