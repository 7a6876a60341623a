using SunshineBot.Conversations.Intents;
using SunshineBot.Conversations.Prompts;

namespace SunshineBot.Conversations.Engine;

/// <summary>
/// Starting what the parent asked for from wherever they are. Nothing to lose (the menu, an answer, progress):
/// switch at once. A half-filled form: ask first ("要放弃正在填写的投诉吗？"). The same kind again: carry on.
/// Progress asked in the middle of a form: show it, then pick the form up again. A system survey (回访) stays
/// underneath and resumes when the new flow ends.
/// </summary>
internal static class IntentSwitch
{
    public const string ToMenu = "menu";
    private const string Yes = "switch:yes";
    private const string No = "switch:no";

    public static async Task StartAsync(TurnContext turn, ConversationEngine engine, StartIntent intent)
    {
        if (turn.State.Top is { FlowId: FlowIds.Kind } choosing && intent.What == StartKind.File && intent.Description is null)
        {
            // "投诉" typed at "按哪一类登记？" answers it: the story told before stays.
            intent = intent with { Description = Flows.KindFlow.DescriptionOf(choosing) };
        }

        if (turn.State.Top is { FlowId: FlowIds.Faq } asked && intent is { What: StartKind.File, Kind: Core.Tickets.TicketKind.Consultation, Description: null })
        {
            // "我要咨询" after an answer: the question just asked is what staff are to answer.
            intent = intent with { Description = Flows.FaqFlow.QuestionOf(asked) };
        }

        DropFinishedFrames(turn, engine);
        var frame = turn.State.Top;
        var flow = frame is null ? null : engine.FlowOf(frame);
        if (frame is null || flow is null)
        {
            turn.State.Stack.Clear();
            await turn.BeginAsync(intent.FlowId, intent.Args);
            return;
        }

        if (frame.FlowId == FlowIds.Intake && intent.What == StartKind.File && IntakeKindOf(frame) == intent.Kind)
        {
            turn.Say($"您正在{intent.Label}，接着填就行。");
            await flow.RepeatAsync(turn, frame);
            return;
        }

        if (frame.FlowId is FlowIds.Revisit or FlowIds.Supplement || (intent.What == StartKind.Track && flow.UnsavedWork(frame) is not null))
        {
            // On top: the survey (or the half-filled form) picks up again when this ends.
            await turn.BeginAsync(intent.FlowId, intent.Args);
            if (turn.State.Top == frame)
            {
                turn.Say("我们接着刚才的继续：");
                await flow.RepeatAsync(turn, frame);
            }

            return;
        }

        if (flow.UnsavedWork(frame) is { } work)
        {
            AskToLeave(turn, work, intent.Label, intent.Encode());
            return;
        }

        turn.State.Stack.Clear();
        await turn.BeginAsync(intent.FlowId, intent.Args);
    }

    public static void AskToLeave(TurnContext turn, string work, string instead, string pending)
    {
        turn.State.PendingSwitch = pending;
        turn.Say($"您的{work}还没有提交。要放弃正在填写的{work}，改为{instead}吗？",
            new QuickReply($"放弃，{instead}", Yes), new QuickReply($"继续填写{work}", No));
    }

    /// <summary>The answer to <see cref="AskToLeave"/>; false when the parent said something else (a new turn).</summary>
    public static async Task<bool> AnswerAsync(TurnContext turn, ConversationEngine engine, Reply reply)
    {
        var pending = turn.State.PendingSwitch!;
        turn.State.PendingSwitch = null;
        var key = TextNormalizer.Key(reply.Value);
        bool? leave = reply.Choice switch
        {
            Yes => true,
            No => false,
            _ when key.Contains("放弃", StringComparison.Ordinal) || key is "不填了" or "不要了" => true,
            _ when key.Contains("继续", StringComparison.Ordinal) || key is "接着填" => false,
            _ => YesNo.Recognize(reply.Value),
        };
        if (leave is null)
        {
            return false;
        }

        if (leave == false)
        {
            turn.Say("好的，我们接着填。");
            if (turn.State.Top is { } frame && engine.FlowOf(frame) is { } flow)
            {
                await flow.RepeatAsync(turn, frame);
            }

            return true;
        }

        turn.State.Stack.Clear();
        if (pending == ToMenu || StartIntent.Decode(pending) is not { } intent)
        {
            turn.ShowMenu("好的，刚才没填完的内容已放弃，没有提交。");
            return true;
        }

        turn.Say("好的，刚才没填完的内容已放弃。");
        await turn.BeginAsync(intent.FlowId, intent.Args);
        return true;
    }

    /// <summary>Frames that hold nothing (an answered question, shown progress) leave before anything new starts.</summary>
    private static void DropFinishedFrames(TurnContext turn, ConversationEngine engine)
    {
        while (turn.State.Top is { } top && top.FlowId is FlowIds.Faq or FlowIds.Track or FlowIds.Kind && engine.FlowOf(top)?.UnsavedWork(top) is null)
        {
            turn.End(top);
        }
    }

    private static Core.Tickets.TicketKind? IntakeKindOf(DialogFrame frame) =>
        System.Text.Json.JsonSerializer.Deserialize<Flows.IntakeForm>(frame.Form)?.Kind;
}
