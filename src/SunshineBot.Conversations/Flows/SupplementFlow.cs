using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;

namespace SunshineBot.Conversations.Flows;

public sealed class SupplementForm
{
    public string Number { get; set; } = "";

    public string Missing { get; set; } = "";

    public List<string> Texts { get; set; } = [];

    public List<IncomingImage> Photos { get; set; } = [];
}

/// <summary>
/// 一次性告知, started by staff: lists everything still missing and takes the parent's next real answer (text, pictures,
/// or "不知道") onto the ticket. A bare "好的"/"收到" is not an answer: it is asked for once more, with the list.
/// Args: the ticket number, a line break, the list as staff wrote it.
/// </summary>
public sealed class SupplementFlow : WaterfallFlow<SupplementForm>
{
    private static readonly string[] Acknowledgements =
    [
        "好", "好的", "好滴", "嗯", "嗯嗯", "恩", "哦", "噢", "收到", "知道了", "明白", "明白了", "晓得了", "ok", "okay", "行", "可以", "好吧", "谢谢", "稍等", "等一下", "马上",
    ];

    private static readonly string[] DoneWords = ["好了", "就这些", "没有了", "发完了", "完了", "提交", "可以了", "就这样"];

    public override string Id => FlowIds.Supplement;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<SupplementForm>> Steps { get; } =
    [
        new("answer", Ask, Handle, TakesImages: true),
    ];

    public static string Args(string number, string missing) => number + "\n" + missing;

    private static OutgoingMessage Ask(TurnContext turn, SupplementForm f) => f.Photos.Count > 0 && f.Texts.Count == 0
        ? OutgoingMessage.Say($"收到图片（{f.Photos.Count}张）。需要的话再写几句说明；补充完了回复“好了”。", new QuickReply("好了", "好了"))
        : OutgoingMessage.Say($"关于您反映的事项（工单 {f.Number}），为了尽快办理，还需要您补充以下内容：\n{f.Missing}\n请直接回复这些内容，一条写完就行，也可以发图片。记不清的写“不清楚”即可。");

    protected override Task<SupplementForm> InitializeAsync(TurnContext turn, string? args)
    {
        var text = args ?? "";
        var cut = text.IndexOf('\n', StringComparison.Ordinal);
        return Task.FromResult(cut < 0
            ? new SupplementForm { Number = text }
            : new SupplementForm { Number = text[..cut], Missing = text[(cut + 1)..] });
    }

    protected override string? RestartArgs(SupplementForm form) => Args(form.Number, form.Missing);

    protected override async Task CompleteAsync(TurnContext turn, SupplementForm form)
    {
        var text = form.Texts.Count > 0 ? string.Join("\n", form.Texts) : "（家长发来图片）";
        var recorded = await turn.Services.Tickets.SupplyInformationAsync(form.Number, turn.Message.UserId, text, form.Photos, turn.CancellationToken);
        turn.Say(recorded
            ? $"收到，已经把您补充的内容记到工单 {form.Number} 上，承办单位会接着办理。想看进度可以回复“查询进度”。"
            : $"工单 {form.Number} 现在不需要再补充了，谢谢您。想看进度可以回复“查询进度”。");
    }

    private static Task<StepOutcome> Handle(TurnContext turn, SupplementForm form, Reply reply)
    {
        if (reply.Image is { } image)
        {
            form.Photos.Add(image);
            return Task.FromResult(form.Photos.Count >= turn.Services.Options.MaxPhotos ? StepOutcome.Next : StepOutcome.Stay);
        }

        var key = TextNormalizer.Key(reply.Folded);
        if (DoneWords.Contains(key) && (form.Photos.Count > 0 || form.Texts.Count > 0))
        {
            return Task.FromResult(StepOutcome.Next);
        }

        if (key.Length == 0 || Acknowledgements.Contains(key) || DoneWords.Contains(key))
        {
            return Task.FromResult(StepOutcome.Retry($"好的。请把需要补充的内容直接发给我：\n{form.Missing}"));
        }

        if (key.Length <= 10 && (key.Contains("什么意思", StringComparison.Ordinal) || key.Contains("补充什么", StringComparison.Ordinal)
            || key.Contains("要什么", StringComparison.Ordinal) || key.Contains('啥', StringComparison.Ordinal) || reply.Text.TrimEnd().EndsWith('？') || reply.Text.TrimEnd().EndsWith('?')))
        {
            return Task.FromResult(StepOutcome.Retry($"需要补充的是：\n{form.Missing}\n知道多少写多少，记不清的写“不清楚”。"));
        }

        form.Texts.Add(reply.Text.Length > 1000 ? reply.Text[..1000] : reply.Text);
        return Task.FromResult(StepOutcome.Next);
    }
}
