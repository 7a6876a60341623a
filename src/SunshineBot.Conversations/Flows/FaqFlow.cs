using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Services;

namespace SunshineBot.Conversations.Flows;

public sealed class FaqForm
{
    public string Question { get; set; } = "";

    public bool Answered { get; set; }

    /// <summary>The entry shown as the answer, for the parent's feedback.</summary>
    public string? EntryId { get; set; }

    public List<KbSuggestion> Suggestions { get; set; } = [];
}

/// <summary>
/// 政策咨询: answers from the knowledge base with the source, asks whether it solved the problem, and offers a
/// consultation ticket (question pre-filled) when it did not or when there was no good answer.
/// </summary>
public sealed class FaqFlow : WaterfallFlow<FaqForm>
{
    private const string Solved = "faq:solved";
    private const string NotSolved = "faq:unsolved";
    private const string FileConsultation = "faq:file";
    private const string NoThanks = "faq:no";

    public override string Id => FlowIds.Faq;

    public override int Version => 1;

    protected override IReadOnlyList<FlowStep<FaqForm>> Steps { get; } =
    [
        new("ask", (_, _) => OutgoingMessage.Say("请把您的问题发给我，比如“校服必须在学校买吗”。"), AskAsync, f => f.Question.Length == 0),
        new("solved", (_, _) => SolvedPrompt(), SolvedAsync, f => f.Answered),
        new("offer", OfferPrompt, OfferAsync),
    ];

    protected override async Task<FaqForm> InitializeAsync(TurnContext turn, string? args)
    {
        var form = new FaqForm();
        if (!string.IsNullOrWhiteSpace(args))
        {
            await AnswerAsync(turn, form, args);
        }

        return form;
    }

    protected override Task CompleteAsync(TurnContext turn, FaqForm form) => Task.CompletedTask;

    /// <summary>The question this frame answered (for a consultation asked for right after it).</summary>
    public static string? QuestionOf(DialogFrame frame) => Load(frame).Question is { Length: > 0 } question ? question : null;

    private static async Task<StepOutcome> AskAsync(TurnContext turn, FaqForm form, Reply reply)
    {
        if (TextNormalizer.Key(reply.Value).Length < 2)
        {
            return StepOutcome.Retry("没太看明白，能多说几个字吗？");
        }

        // A story ("学校乱收费，我要反映") starts its form; a question gets its answer.
        await turn.NewTurnAsync(turn.State.Top!, reply);
        return StepOutcome.Done;
    }

    private static async Task<StepOutcome> SolvedAsync(TurnContext turn, FaqForm form, Reply reply)
    {
        if (reply.Choice?.StartsWith("kb:", StringComparison.Ordinal) == true)
        {
            await ShowEntryAsync(turn, form, reply.Choice[3..]);
            turn.Say(SolvedPrompt());
            return StepOutcome.Stay;
        }

        // Only what was asked counts as feedback: "确认" or "我要投诉" here is a new turn, never a yes.
        var yes = reply.Choice switch { Solved => true, NotSolved => false, null => Feedback.Recognize(reply.Value), _ => null };
        if (yes is null)
        {
            await turn.NewTurnAsync(turn.State.Top!, reply);
            return StepOutcome.Done;
        }

        if (form.EntryId is { } entryId)
        {
            await turn.Services.Knowledge.RecordFeedbackAsync(form.Question, entryId, yes.Value, turn.CancellationToken);
        }

        if (yes.Value)
        {
            turn.Say("很高兴能帮到您！还有别的问题可以直接发给我，回复“菜单”可以看到全部服务。");
            return StepOutcome.Done;
        }

        form.Answered = false;
        return StepOutcome.Next;
    }

    private static OutgoingMessage SolvedPrompt() =>
        OutgoingMessage.Say("这个回答解决您的问题了吗？", new("解决了", Solved), new("没解决", NotSolved));

    private static OutgoingMessage OfferPrompt(TurnContext turn, FaqForm form)
    {
        var choices = form.Suggestions.Take(3).Select(s => new QuickReply(s.Title, "kb:" + s.EntryId))
            .Append(new QuickReply("提交咨询", FileConsultation)).Append(new QuickReply("不用了", NoThanks)).ToArray();
        return OutgoingMessage.Say("需要的话，我可以帮您把问题转给工作人员，作为“咨询”登记，一般2个工作日内答复。要提交吗？", choices);
    }

    private static async Task<StepOutcome> OfferAsync(TurnContext turn, FaqForm form, Reply reply)
    {
        if (reply.Choice?.StartsWith("kb:", StringComparison.Ordinal) == true)
        {
            await ShowEntryAsync(turn, form, reply.Choice[3..]);
            return StepOutcome.Edit("solved");
        }

        var yes = reply.Choice switch { FileConsultation => true, NoThanks => false, null => YesNo.Recognize(reply.Value), _ => null };

        switch (yes)
        {
            case true:
                turn.End(turn.State.Top!);
                await turn.BeginAsync(FlowIds.Intake, "Consultation|" + form.Question);
                return StepOutcome.Done;
            case false:
                turn.Say("好的。还有别的问题可以直接发给我，回复“菜单”可以看到全部服务。");
                return StepOutcome.Done;
            default:
                await turn.NewTurnAsync(turn.State.Top!, reply);
                return StepOutcome.Done;
        }
    }

    private static async Task AnswerAsync(TurnContext turn, FaqForm form, string question)
    {
        form.Question = question.Length > 500 ? question[..500] : question;
        var reply = await turn.Services.Knowledge.AskAsync(form.Question, turn.CancellationToken);
        form.EntryId = reply.EntryId;
        form.Suggestions = reply.Suggestions.ToList();
        form.Answered = reply.Answered;
        if (reply.Answered)
        {
            turn.Say(Format(reply));
            return;
        }

        turn.Say(reply.Suggestions.Count > 0
            ? "这个问题我没有把握答准，不想给您错误的答复。您要问的是不是下面这些？点一下就能看。"
            : "这个问题我答不上来，可能不在教育收费和阳光服务的范围内。");
    }

    private static async Task ShowEntryAsync(TurnContext turn, FaqForm form, string entryId)
    {
        var entry = await turn.Services.Knowledge.GetAsync(entryId, turn.CancellationToken);
        if (entry is null)
        {
            turn.Say("这条内容暂时找不到了。");
            return;
        }

        form.Answered = true;
        form.EntryId = entry.EntryId;
        turn.Say(Format(entry));
    }

    private static string Format(KbReply reply)
    {
        var sources = reply.Sources.Count == 0 ? "" : "\n\n依据：" + string.Join("；", reply.Sources);
        return $"【{reply.Title}】\n{reply.Answer}{sources}";
    }
}
