using System.Globalization;

namespace SunshineBot.Knowledge.Content;

/// <summary>A policy source that entries cite (<c>kb/policies/&lt;id&gt;.md</c>).</summary>
public sealed record KbPolicy
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Issuer { get; init; }

    /// <summary>Document number such as 教财〔2020〕5号, when there is one.</summary>
    public string? Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Url { get; init; }

    /// <summary>The points we rely on (Markdown bullets).</summary>
    public string Body { get; init; } = "";

    public string FilePath { get; init; } = "";

    /// <summary>The citation shown with an answer: the policy name, and its number and date where known.</summary>
    public KbCitation ToCitation()
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(Number))
        {
            parts.Add(Number);
        }

        if (Date is { } date)
        {
            parts.Add(date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        }

        if (parts.Count == 0 && !string.IsNullOrWhiteSpace(Issuer))
        {
            parts.Add(Issuer);
        }

        return new KbCitation(Name, string.Join("，", parts));
    }
}
