using System.Text.Json;

namespace SunshineBot.Conversations.Engine;

/// <summary>What a step decided about the parent's answer.</summary>
public abstract record StepOutcome
{
    /// <summary>Accepted: on to the next step that applies.</summary>
    public static StepOutcome Next { get; } = new NextOutcome();

    /// <summary>Not accepted: say why and ask again.</summary>
    public static StepOutcome Retry(string why) => new RetryOutcome(why);

    /// <summary>Accepted but stay on this step (e.g. one more photo); the step has said what to say.</summary>
    public static StepOutcome Stay { get; } = new StayOutcome();

    /// <summary>Jump to the named step (to edit one field), then come back here.</summary>
    public static StepOutcome Edit(string step) => new EditOutcome(step);

    /// <summary>The flow is over (the step has said its last words, or started another flow).</summary>
    public static StepOutcome Done { get; } = new DoneOutcome();

    internal sealed record NextOutcome : StepOutcome;

    internal sealed record RetryOutcome(string Why) : StepOutcome;

    internal sealed record StayOutcome : StepOutcome;

    internal sealed record EditOutcome(string Step) : StepOutcome;

    internal sealed record DoneOutcome : StepOutcome;
}

/// <summary>One question of a waterfall: how to ask it, how to take the answer, and when it applies at all.</summary>
public sealed record FlowStep<TForm>(
    string Name,
    Func<TurnContext, TForm, OutgoingMessage> Ask,
    Func<TurnContext, TForm, Reply, Task<StepOutcome>> Handle,
    Func<TForm, bool>? When = null,
    bool TakesImages = false,
    bool Optional = false);

/// <summary>
/// A flow as a list of steps over a typed form. Invalid answers are re-asked with the reason; the form is saved
/// in the frame after every accepted answer, so a restart resumes at the same question.
/// </summary>
public abstract class WaterfallFlow<TForm> : IFlow
    where TForm : class, new()
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public abstract string Id { get; }

    public abstract int Version { get; }

    protected abstract IReadOnlyList<FlowStep<TForm>> Steps { get; }

    protected virtual Task<TForm> InitializeAsync(TurnContext turn, string? args) => Task.FromResult(new TForm());

    /// <summary>After the last step; the frame is already off the stack.</summary>
    protected abstract Task CompleteAsync(TurnContext turn, TForm form);

    public async Task BeginAsync(TurnContext turn, DialogFrame frame, string? args)
    {
        var form = await InitializeAsync(turn, args);
        frame.Step = -1;
        await AdvanceAsync(turn, frame, form, from: -1);
    }

    public async Task ContinueAsync(TurnContext turn, DialogFrame frame, Reply reply)
    {
        var form = Load(frame);
        var step = Steps[frame.Step];
        if (Intercept(turn, form, step.Name, reply))
        {
            Save(frame, form);
            var again = step.Ask(turn, form);
            turn.Say(again);
            return;
        }

        var outcome = await step.Handle(turn, form, reply);

        if (outcome is StepOutcome.RetryOutcome && step.Optional && frame.Attempts >= 1)
        {
            // A tired parent answering ahead must not be stuck on a question they may skip.
            turn.Say("这一项先空着，不影响提交。");
            outcome = StepOutcome.Next;
        }

        switch (outcome)
        {
            case StepOutcome.RetryOutcome retry:
                frame.Attempts++;
                var hint = frame.Attempts >= 3 ? "\n（如需帮助可回复“人工”，回复“取消”可放弃填写。）" : "";
                var ask = step.Ask(turn, form);
                turn.Say(ask with { Text = retry.Why + hint + "\n" + ask.Text });
                break;
            case StepOutcome.StayOutcome:
                Save(frame, form);
                break;
            case StepOutcome.EditOutcome edit:
                var target = IndexOf(edit.Step);
                frame.ReturnTo = frame.Step;
                frame.History.Add(frame.Step);
                Save(frame, form);
                Ask(turn, frame, form, target);
                break;
            case StepOutcome.DoneOutcome:
                turn.End(frame);
                break;
            default:
                var returnTo = frame.ReturnTo;
                frame.ReturnTo = null;
                if (returnTo is { } back)
                {
                    frame.History.Add(frame.Step);
                    Save(frame, form);
                    Ask(turn, frame, form, back);
                }
                else
                {
                    await AdvanceAsync(turn, frame, form, frame.Step);
                }

                break;
        }
    }

    public Task BackAsync(TurnContext turn, DialogFrame frame)
    {
        var form = Load(frame);
        frame.ReturnTo = null;
        if (frame.History.Count == 0)
        {
            turn.Say("已经是第一个问题了。");
            Ask(turn, frame, form, frame.Step);
            return Task.CompletedTask;
        }

        var previous = frame.History[^1];
        frame.History.RemoveAt(frame.History.Count - 1);
        Ask(turn, frame, form, previous);
        return Task.CompletedTask;
    }

    public Task RepeatAsync(TurnContext turn, DialogFrame frame)
    {
        Ask(turn, frame, Load(frame), frame.Step);
        return Task.CompletedTask;
    }

    public async Task RestartAsync(TurnContext turn, DialogFrame frame)
    {
        frame.History.Clear();
        frame.ReturnTo = null;
        turn.Say("好的，我们从头开始。");
        await AdvanceAsync(turn, frame, await InitializeAsync(turn, RestartArgs(Load(frame))), from: -1);
    }

    public string? UnsavedWork(DialogFrame frame) => UnsavedWork(frame, Load(frame));

    public bool TakesImages(DialogFrame frame) => frame.Step >= 0 && frame.Step < Steps.Count && Steps[frame.Step].TakesImages;

    /// <summary>
    /// Something said at any step that is not the step's answer but must not be lost ("匿名" early in a report):
    /// true when taken (the hook says what it understood; the form is saved and the current question asked again).
    /// </summary>
    protected virtual bool Intercept(TurnContext turn, TForm form, string step, Reply reply) => false;

    /// <summary>What leaving would throw away, named for the parent; null (the default) when nothing.</summary>
    protected virtual string? UnsavedWork(DialogFrame frame, TForm form) => null;

    /// <summary>What a restart keeps (e.g. the kind of matter being filed).</summary>
    protected virtual string? RestartArgs(TForm form) => null;

    protected static TForm Load(DialogFrame frame) => JsonSerializer.Deserialize<TForm>(frame.Form, Json) ?? new TForm();

    private static void Save(DialogFrame frame, TForm form) => frame.Form = JsonSerializer.Serialize(form, Json);

    private async Task AdvanceAsync(TurnContext turn, DialogFrame frame, TForm form, int from)
    {
        for (var i = from + 1; i < Steps.Count; i++)
        {
            if (Steps[i].When?.Invoke(form) ?? true)
            {
                if (from >= 0)
                {
                    frame.History.Add(from);
                }

                Save(frame, form);
                Ask(turn, frame, form, i);
                return;
            }
        }

        turn.End(frame);
        await CompleteAsync(turn, form);
    }

    private void Ask(TurnContext turn, DialogFrame frame, TForm form, int index)
    {
        frame.Step = index;
        frame.Attempts = 0;
        turn.Say(Steps[index].Ask(turn, form));
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Flow {Id} has no step {name}");
    }
}
