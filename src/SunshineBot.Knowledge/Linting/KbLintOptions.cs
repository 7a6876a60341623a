namespace SunshineBot.Knowledge.Linting;

public sealed class KbLintOptions
{
    /// <summary>An entry whose <c>reviewed</c> date is older than this many months gets a warning.</summary>
    public int ReviewMaxAgeMonths { get; set; } = 12;
}
