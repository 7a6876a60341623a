using SunshineBot.Conversations.Services;

namespace SunshineBot.Conversations.Engine;

/// <summary>One turn: the message, the state, the replies being collected and the stack operations.</summary>
public sealed class TurnContext
{
    private readonly ConversationEngine _engine;

    internal TurnContext(ConversationEngine engine, ConversationState state, IncomingMessage message, DateTimeOffset now, ConversationServices services, CancellationToken ct)
    {
        _engine = engine;
        State = state;
        Message = message;
        Now = now;
        Services = services;
        CancellationToken = ct;
    }

    public ConversationState State { get; }

    public IncomingMessage Message { get; }

    public DateTimeOffset Now { get; }

    public ConversationServices Services { get; }

    public CancellationToken CancellationToken { get; }

    public List<OutgoingMessage> Replies { get; } = [];

    public void Say(string text, params QuickReply[] choices) => Replies.Add(OutgoingMessage.Say(text, choices));

    public void Say(OutgoingMessage message) => Replies.Add(message);

    /// <summary>Pushes a flow on the stack and begins it.</summary>
    public Task BeginAsync(string flowId, string? args = null) => _engine.PushAsync(this, flowId, args);

    /// <summary>Ends the flow on top of the stack; the one below (if any) stays where it was.</summary>
    public void End(DialogFrame frame) => State.Stack.Remove(frame);

    /// <summary>Ends <paramref name="frame"/> and starts another flow in its place.</summary>
    public Task ReplaceAsync(DialogFrame frame, string flowId, string? args = null)
    {
        End(frame);
        return BeginAsync(flowId, args);
    }

    /// <summary>
    /// What the parent said does not answer this frame's question (a policy question after an answer): end the
    /// frame and take the text as a new turn where no question is pending.
    /// </summary>
    public Task NewTurnAsync(DialogFrame frame, Reply reply)
    {
        End(frame);
        return _engine.AtMenuAsync(this, reply);
    }

    /// <summary>Ends everything and shows the main menu.</summary>
    public void ShowMenu(string? lead = null)
    {
        State.Stack.Clear();
        Replies.Add(Menu.Message(lead));
    }
}

/// <summary>The services flows call (owned here so the engine knows nothing of HTTP or the database).</summary>
public sealed record ConversationServices(IKnowledgeAnswers Knowledge, ITicketDesk Tickets, IUnitDirectory Units, ConversationOptions Options);
