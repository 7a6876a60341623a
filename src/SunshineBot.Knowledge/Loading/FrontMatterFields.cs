namespace SunshineBot.Knowledge.Loading;

/// <summary>The union of the front-matter keys of entries and policies, as YAML hands them over.</summary>
internal sealed class FrontMatterFields
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Issuer { get; set; }

    public string? Number { get; set; }

    public string? Date { get; set; }

    public string? Url { get; set; }

    public string? Title { get; set; }

    public List<string>? Questions { get; set; }

    public List<string>? Sources { get; set; }

    public List<string>? Tags { get; set; }

    public bool? Local { get; set; }

    public string? Reviewed { get; set; }
}
