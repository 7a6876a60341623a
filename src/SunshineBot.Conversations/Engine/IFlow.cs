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

    /// <summary>
    /// What the parent would lose by leaving this frame ("投诉" for a half-filled complaint), or null when nothing:
    /// switching to another flow asks first only when this is not null.
    /// </summary>
    string? UnsavedWork(DialogFrame frame) => null;

    /// <summary>Whether the current step takes pictures (elsewhere the engine keeps them for the next ticket).</summary>
    bool TakesImages(DialogFrame frame) => false;
}

/// <summary>
/// The parent's input for the current step: text, a tapped choice (or typed text that matched one), or an image.
/// <see cref="Text"/> is as the parent wrote it and is what a form stores; <see cref="Folded"/> is for matching.
/// </summary>
public sealed record Reply(string Text, string? Choice, IncomingImage? Image, IncomingLocation? Location)
{
    /// <summary>NFKC, traditional → simplified: for parsing numbers, dates and words, never for storing.</summary>
    public string Folded { get; } = Prompts.TextNormalizer.Fold(Text);

    /// <summary>The choice value if a button was tapped (or its label typed), else the folded text.</summary>
    public string Value => Choice ?? Folded;

    public bool IsEmpty => Choice is null && Image is null && Location is null && Text.Length == 0;
}
