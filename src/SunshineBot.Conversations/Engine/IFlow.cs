namespace SunshineBot.Conversations.Engine;

/// <summary>
/// A conversation flow with a stable id and an explicit version. Flows ask, validate and hand a typed request to a
/// service at the end; they never touch the database.
/// </summary>
public interface IFlow
{
    string Id { get; }

    int Version { get; }

    /// <summary>Starts on a new frame already on the stack; <paramref name="args"/> is flow-specific (may be null).</summary>
    Task BeginAsync(TurnContext turn, DialogFrame frame, string? args);

    Task ContinueAsync(TurnContext turn, DialogFrame frame, Reply reply);

    /// <summary>返回: the previous question, answers kept.</summary>
    Task BackAsync(TurnContext turn, DialogFrame frame);

    /// <summary>Asks the current question again (after 帮助).</summary>
    Task RepeatAsync(TurnContext turn, DialogFrame frame);

    /// <summary>重新开始: this flow from its first question, answers dropped.</summary>
    Task RestartAsync(TurnContext turn, DialogFrame frame);
}

/// <summary>The parent's input for the current step: text (normalised), a tapped choice, or an image.</summary>
public sealed record Reply(string Text, string? Choice, IncomingImage? Image, IncomingLocation? Location)
{
    /// <summary>The choice value if a button was tapped, else the text.</summary>
    public string Value => Choice ?? Text;

    public bool IsEmpty => Choice is null && Image is null && Location is null && Text.Length == 0;
}
