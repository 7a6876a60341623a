namespace SunshineBot.Knowledge.Loading;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
internal sealed record FrontMatterDocument(string Yaml, string Body)
{
    /// <summary>Splits <c>---\nyaml\n---\nbody</c>; returns null when the file has no front matter.</summary>
    public static FrontMatterDocument? Parse(string text)
    {
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var first = reader.ReadLine();
        if (first is null || first.Trim() != "---")
        {
            return null;
        }

        var yaml = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() == "---")
            {
                return new FrontMatterDocument(yaml.ToString(), reader.ReadToEnd().Trim());
            }

            yaml.AppendLine(line);
        }

        return null;
    }
}
