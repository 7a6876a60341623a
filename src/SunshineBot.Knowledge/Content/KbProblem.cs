namespace SunshineBot.Knowledge.Content;

public enum KbProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong with the kb/ content: where, and in plain words what.</summary>
public sealed record KbProblem(KbProblemSeverity Severity, string File, string Message)
{
    public static KbProblem Error(string file, string message) => new(KbProblemSeverity.Error, file, message);

    public static KbProblem Warning(string file, string message) => new(KbProblemSeverity.Warning, file, message);

    public override string ToString() =>
        $"{(Severity == KbProblemSeverity.Error ? "error" : "warning")}: {File}: {Message}";
}
