using SunshineBot.Conversations.Intents;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Parents;

namespace SunshineBot.Conversations.Engine;

/// <summary>
/// Runs one turn, intent first: expiry; the answer to "要放弃正在填写的…吗"; a global command (菜单 取消 返回 重新开始
/// 人工 帮助); a new flow asked for in a few words (我要投诉, 举报, 查进度); typed text that matches one of the
/// buttons just offered (a WeChat number, the label); a picture outside the photo step (kept for the next ticket);
/// only then the flow on top of the stack, or the main menu (where a story asks for its kind and anything else is
/// a question for the knowledge base). Pure with respect to storage: the host
/// loads <see cref="ConversationState"/>, calls <see cref="HandleAsync"/>, and saves it with the replies.
/// </summary>
public sealed class ConversationEngine
{
    private readonly Dictionary<string, IFlow> _flows;
    private readonly ConversationServices _services;

    public ConversationEngine(IEnumerable<IFlow> flows, ConversationServices services)
    {
        _flows = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _services = services;
    }

    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(ConversationState state, IncomingMessage message, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        var turn = new TurnContext(this, state, message, now, _services, ct);
        var reply = ToReply(message);
        Remember(state, "家长", Describe(message, reply));

        if (state.HandedOverTicket is not null && state.LastActivityAt is { } handedOverAt && now - handedOverAt > _services.Options.FormExpiry)
        {
            state.HandedOverTicket = null;
        }

        if (state.Top is not null && state.LastActivityAt is { } last && now - last > _services.Options.FormExpiry)
        {
            state.Stack.Clear();
            state.PendingSwitch = null;
            state.HeldPhotos.Clear();
            turn.Say("您之前没填完的内容因为超过30分钟没有操作，已经清除，没有提交。需要的话可以重新开始。");
        }

        state.LastActivityAt = now;
        await DispatchAsync(turn, message, reply);
        foreach (var outgoing in turn.Replies)
        {
            Remember(state, "客服", outgoing.Text ?? outgoing.Link?.Title ?? "[图片]");
        }

        RememberOffered(state, turn.Replies);
        return turn.Replies;
    }

    /// <summary>Starts a flow the system begins (the revisit survey), on top of whatever the parent was doing.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> StartAsync(ConversationState state, ParentAddress parent, string flowId, string? args, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var message = new IncomingMessage { Channel = parent.Channel, UserId = parent.Id, MessageId = $"system:{flowId}:{args}", Kind = IncomingKind.Event, EventName = flowId };
        var turn = new TurnContext(this, state, message, now, _services, ct);
        state.LastActivityAt = now;
        await PushAsync(turn, flowId, args);
        RememberOffered(state, turn.Replies);
        return turn.Replies;
    }

    internal async Task PushAsync(TurnContext turn, string flowId, string? args)
    {
        turn.State.HandedOverTicket = null;
        var flow = _flows[flowId];
        var frame = new DialogFrame { FlowId = flow.Id, Version = flow.Version };
        turn.State.Stack.Add(frame);
        await flow.BeginAsync(turn, frame, args);
    }

    private async Task DispatchAsync(TurnContext turn, IncomingMessage message, Reply reply)
    {
        if (message.Kind == IncomingKind.Event)
        {
            await OnEventAsync(turn, message);
            return;
        }

        if (turn.State.PendingSwitch is not null && await IntentSwitch.AnswerAsync(turn, this, Offer(turn, reply)))
        {
            return;
        }

        if (IntentRecognizer.Command(reply) is { } command && await GlobalCommands.RunAsync(turn, command, this))
        {
            return;
        }

        if (IntentRecognizer.Start(reply) is { } intent)
        {
            await IntentSwitch.StartAsync(turn, this, intent);
            return;
        }

        reply = Offer(turn, reply);
        var frame = turn.State.Top;
        if (frame is null && turn.State.HandedOverTicket is { } handedOver && await HandOver.AddAsync(turn, handedOver, reply))
        {
            return;
        }

        if (reply.Image is { } image && (frame is null || FlowOf(frame)?.TakesImages(frame) != true))
        {
            await HoldImageAsync(turn, image, frame);
            return;
        }

        if (frame is null)
        {
            await AtMenuAsync(turn, reply);
            return;
        }

        if (!_flows.TryGetValue(frame.FlowId, out var flow) || flow.Version != frame.Version)
        {
            turn.ShowMenu("抱歉，服务刚刚更新过，您正在填写的内容需要重新开始。");
            return;
        }

        var below = turn.State.Stack.Count >= 2 ? turn.State.Stack[^2] : null;
        await flow.ContinueAsync(turn, frame, reply);

        // A flow that interrupted another (the revisit survey) ended: pick the earlier one up where it was.
        if (below is not null && turn.State.Top == below && FlowOf(below) is { } resumed)
        {
            turn.Say("我们接着刚才的继续：");
            await resumed.RepeatAsync(turn, below);
        }
    }

    /// <summary>
    /// A new turn where no question is pending: a story that asks for a kind starts that form with the story as its
    /// description; a bare yes or no gets the menu; anything else is a question for the knowledge base.
    /// </summary>
    internal async Task AtMenuAsync(TurnContext turn, Reply reply)
    {
        if (reply.Location is not null)
        {
            turn.ShowMenu("收到您的位置。");
            return;
        }

        if (IsShort(reply) && Menu.Find(reply.Value) is { } item)
        {
            await PushAsync(turn, item.FlowId, item.Args);
            return;
        }

        if (reply.Text.Length == 0 || Greetings.IsGreeting(reply.Value))
        {
            turn.ShowMenu(Menu.Welcome);
            return;
        }

        if (Greetings.IsThanks(reply.Value))
        {
            turn.Say("不客气！还有别的事随时发消息给我，回复“查询进度”可以看办理情况。");
            return;
        }

        if (IntentRecognizer.InStory(reply.Text) is { } story)
        {
            await PushAsync(turn, story.FlowId, story.Args);
            return;
        }

        if (YesNo.Recognize(reply.Value) is not null || TextNormalizer.Key(reply.Value).Length <= 1)
        {
            turn.ShowMenu("您想办理哪一项呢？");
            return;
        }

        await PushAsync(turn, FlowIds.Faq, reply.Text);
    }

    /// <summary>Typed text that names one of the buttons just offered (a number, the label) counts as tapping it.</summary>
    private static Reply Offer(TurnContext turn, Reply reply)
    {
        if (reply.Choice is not null || reply.Text.Length == 0 || turn.State.Offered.Count == 0 || !IsShort(reply))
        {
            return reply;
        }

        return ChoiceRecognizer.Match(reply.Folded, turn.State.Offered) is { } picked ? reply with { Choice = picked.Value } : reply;
    }

    private async Task HoldImageAsync(TurnContext turn, IncomingImage image, DialogFrame? frame)
    {
        var held = turn.State.HeldPhotos;
        if (held.Count >= _services.Options.MaxPhotos)
        {
            turn.Say($"已经替您存了{held.Count}张图片，最多{_services.Options.MaxPhotos}张，这张没有收下。");
        }
        else
        {
            held.Add(image);
            turn.Say(frame?.FlowId == FlowIds.Intake
                ? $"收到图片（第{held.Count}张），已替您存好，提交时会一起附上。"
                : $"收到图片（第{held.Count}张），已替您存好。登记投诉、举报等事项时会自动附上。要反映问题，请回复“我要投诉”或“我要举报”。");
        }

        if (frame is not null && FlowOf(frame) is { } flow)
        {
            await flow.RepeatAsync(turn, frame);
        }
    }

    /// <summary>A pick, not a story: a long text that happens to contain a button's label is not that button.</summary>
    private static bool IsShort(Reply reply) => reply.Choice is not null || TextNormalizer.Key(reply.Folded).Length <= 16;

    private static void RememberOffered(ConversationState state, IReadOnlyList<OutgoingMessage> replies)
    {
        if (replies.Count > 0)
        {
            state.Offered = replies[^1].Choices.ToList();
        }
    }

    internal IFlow? FlowOf(DialogFrame frame) =>
        _flows.TryGetValue(frame.FlowId, out var flow) && flow.Version == frame.Version ? flow : null;

    private async Task OnEventAsync(TurnContext turn, IncomingMessage message)
    {
        switch (message.EventName)
        {
            case "subscribe":
            case "enter":
                var school = message.EventKey is { } schoolKey && schoolKey.StartsWith("school:", StringComparison.Ordinal)
                    ? await _services.Units.GetAsync(schoolKey["school:".Length..], turn.CancellationToken)
                    : null;
                if (school is not null)
                {
                    turn.State.PrefillSchoolCode = school.Code;
                }

                turn.ShowMenu(school is null ? Menu.Welcome : $"{Menu.Welcome}\n您是从“{school.Name}”的二维码进来的，登记事项时会自动填上这所学校。");
                break;
            case "click" when message.EventKey is { } key && Menu.Items.FirstOrDefault(i => i.Value == key) is { } item:
                turn.State.Stack.Clear();
                await PushAsync(turn, item.FlowId, item.Args);
                break;
            default:
                break;
        }
    }

    private static Reply ToReply(IncomingMessage message) =>
        new(TextNormalizer.AsWritten(message.Text), message.ChoiceValue, message.Image, message.Location);

    private static string Describe(IncomingMessage message, Reply reply) =>
        reply.Image is not null ? "[图片]" : reply.Location is not null ? "[位置]" : message.Kind == IncomingKind.Event ? $"[{message.EventName}]" : reply.Text.Length > 0 ? reply.Text : reply.Choice ?? "";

    private void Remember(ConversationState state, string who, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        state.Transcript.Add($"{who}：{(text.Length > 300 ? text[..300] + "…" : text)}");
        var extra = state.Transcript.Count - _services.Options.TranscriptLines;
        if (extra > 0)
        {
            state.Transcript.RemoveRange(0, extra);
        }
    }
}
