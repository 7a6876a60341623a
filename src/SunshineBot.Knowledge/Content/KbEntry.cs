namespace SunshineBot.Knowledge.Content;

/// <summary>One question-and-answer entry of the knowledge base (<c>kb/qa/&lt;topic&gt;/&lt;id&gt;.md</c>).</summary>
public sealed record KbEntry
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Ways parents ask this question; they weigh most in ranking.</summary>
    public required IReadOnlyList<string> Questions { get; init; }

    /// <summary>Ids of the <see cref="KbPolicy"/> documents the answer relies on.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when amounts or lists differ by province and the answer sends the parent to the local list.</summary>
    public bool Local { get; init; }

    public DateOnly? Reviewed { get; init; }

    /// <summary>The answer text shown to the parent (plain paragraphs).</summary>
    public required string Answer { get; init; }

    /// <summary>The topic folder the file sits in, e.g. <c>uniforms</c>.</summary>
    public string Topic { get; init; } = "";

    /// <summary>Where the entry was read from; empty for entries built in code.</summary>
    public string FilePath { get; init; } = "";
}
