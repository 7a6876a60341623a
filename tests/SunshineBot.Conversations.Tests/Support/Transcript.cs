using System.Text.Json;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Flows;
using SunshineBot.Core.Parents;

namespace SunshineBot.Conversations.Tests.Support;

/// <summary>
/// Transcript tests: <c>Send("我要投诉").Expect("哪所学校")</c>. The state goes through JSON between every turn, as
/// the host stores it, so every transcript also proves a restart mid-conversation resumes in the same place.
/// </summary>
internal sealed class Transcript
{
    private readonly ConversationEngine _engine;
    private string _state = JsonSerializer.Serialize(new ConversationState());
    private int _messageNumber;

    public Transcript(ConversationOptions? options = null)
    {
        Services = new ConversationServices(Knowledge, Desk, new FakeUnits(), options ?? new ConversationOptions());
        _engine = new ConversationEngine(AllFlows.Create(), Services);
    }

    public FakeKnowledge Knowledge { get; } = new();

    public FakeTicketDesk Desk { get; } = new();

    public ConversationServices Services { get; }

    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public string UserId { get; set; } = "device-1";

    /// <summary>Which channel the messages say they came from.</summary>
    public ParentChannel Channel { get; set; } = ParentChannel.WebChat;

    public IReadOnlyList<OutgoingMessage> Last { get; private set; } = [];

    public string LastText => string.Join("\n---\n", Last.Select(m => m.Text));

    public ConversationState State => JsonSerializer.Deserialize<ConversationState>(_state)!;

    public Transcript Send(string text) => Run(new IncomingMessage { Channel = Channel, UserId = UserId, MessageId = Id(), Text = text });

    /// <summary>The parent opens the chat (the web page loads, or WeChat reports entering): the welcome and menu.</summary>
    public Transcript Enter() => Run(new IncomingMessage { Channel = Channel, UserId = UserId, MessageId = Id(), Kind = IncomingKind.Event, EventName = "enter" });

    public Transcript Tap(string value) => Run(new IncomingMessage { Channel = Channel, UserId = UserId, MessageId = Id(), Kind = IncomingKind.Choice, ChoiceValue = value });

    public Transcript Photo(string key = "att/photo.jpg") =>
        Run(new IncomingMessage { Channel = Channel, UserId = UserId, MessageId = Id(), Kind = IncomingKind.Image, Image = new IncomingImage(key, "image/jpeg", 1234, "photo.jpg") });

    public Transcript StartRevisit(string number)
    {
        var state = JsonSerializer.Deserialize<ConversationState>(_state)!;
        Last = _engine.StartAsync(state, new ParentAddress(Channel, UserId), FlowIds.Revisit, number, Now).GetAwaiter().GetResult();
        _state = JsonSerializer.Serialize(state);
        return this;
    }

    /// <summary>The buttons of the last message that offered any (what WeChat would number).</summary>
    public IReadOnlyList<QuickReply> Offered => Last.LastOrDefault(m => m.Choices.Count > 0)?.Choices ?? [];

    public Transcript Expect(string fragment)
    {
        Assert.True(Last.Any(m => m.Text?.Contains(fragment, StringComparison.Ordinal) == true), $"expected a reply containing “{fragment}”, got:\n{LastText}");
        return this;
    }

    public Transcript ExpectNot(string fragment)
    {
        Assert.False(Last.Any(m => m.Text?.Contains(fragment, StringComparison.Ordinal) == true), $"did not expect “{fragment}” in:\n{LastText}");
        return this;
    }

    public Transcript ExpectChoice(string label)
    {
        Assert.True(Last.Any(m => m.Choices.Any(c => c.Label == label)), $"expected a button “{label}”, got:\n{LastText}");
        return this;
    }

    public Transcript Wait(TimeSpan span)
    {
        Now += span;
        return this;
    }

    private Transcript Run(IncomingMessage message)
    {
        var state = JsonSerializer.Deserialize<ConversationState>(_state)!;
        Last = _engine.HandleAsync(state, message, Now).GetAwaiter().GetResult();
        _state = JsonSerializer.Serialize(state);
        return this;
    }

    private string Id() => $"m{++_messageNumber}";
}
