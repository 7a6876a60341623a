using SunshineBot.Conversations.Prompts;
using SunshineBot.Core.Parents;

namespace SunshineBot.Conversations.Engine;

/// <summary>
/// Runs one turn: expiry, global commands (菜单 取消 返回 重新开始 人工 帮助), then the flow on top of the stack, or
/// the main menu (where free text is a question for the knowledge base). Pure with respect to storage: the host
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

        if (state.Top is not null && state.LastActivityAt is { } last && now - last > _services.Options.FormExpiry)
        {
            state.Stack.Clear();
            turn.Say("您之前没填完的内容因为超过30分钟没有操作，已经清除，没有提交。需要的话可以重新开始。");
        }

        state.LastActivityAt = now;
        await DispatchAsync(turn, message, reply);
        foreach (var outgoing in turn.Replies)
        {
            Remember(state, "客服", outgoing.Text ?? outgoing.Link?.Title ?? "[图片]");
        }

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
        return turn.Replies;
    }

    internal async Task PushAsync(TurnContext turn, string flowId, string? args)
    {
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

        if (GlobalCommands.Recognize(reply.Value) is { } command && await GlobalCommands.RunAsync(turn, command, this))
        {
            return;
        }

        var frame = turn.State.Top;
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

    internal IFlow? FlowOf(DialogFrame frame) =>
        _flows.TryGetValue(frame.FlowId, out var flow) && flow.Version == frame.Version ? flow : null;

    private async Task AtMenuAsync(TurnContext turn, Reply reply)
    {
        if (reply.Image is not null)
        {
            turn.ShowMenu("收到您的图片。如果是要反映问题的材料，请先选择“我要投诉”或“我要举报”，填写时再上传。");
            return;
        }

        if (reply.Location is not null)
        {
            turn.ShowMenu("收到您的位置。");
            return;
        }

        if (Menu.Find(reply.Value) is { } item)
        {
            await PushAsync(turn, item.FlowId, item.Args);
            return;
        }

        if (reply.Value.Length == 0 || Greetings.IsGreeting(reply.Value))
        {
            turn.ShowMenu(Menu.Welcome);
            return;
        }

        await PushAsync(turn, FlowIds.Faq, reply.Value);
    }

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
        new(TextNormalizer.Normalize(message.Text), message.ChoiceValue, message.Image, message.Location);

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
