using System.Globalization;
using SunshineBot.Knowledge.Content;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SunshineBot.Knowledge.Loading;

/// <summary>
/// Reads a kb/ folder: <c>policies/*.md</c>, <c>qa/&lt;topic&gt;/*.md</c> and <c>synonyms.txt</c>.
/// A bad file becomes a <see cref="KbProblem"/>; loading goes on with the rest.
/// </summary>
public static class KbLoader
{
    public const string PoliciesFolder = "policies";
    public const string QaFolder = "qa";
    public const string SynonymsFile = "synonyms.txt";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static KbContent Load(string kbDirectory)
    {
        if (!Directory.Exists(kbDirectory))
        {
            throw new DirectoryNotFoundException($"Knowledge base folder not found: {kbDirectory}");
        }

        var problems = new List<KbProblem>();
        var policies = LoadPolicies(Path.Combine(kbDirectory, PoliciesFolder), problems);
        var entries = LoadEntries(Path.Combine(kbDirectory, QaFolder), problems);
        var synonyms = LoadSynonyms(Path.Combine(kbDirectory, SynonymsFile), problems);
        return new KbContent(entries, policies, synonyms, problems);
    }

    public static SynonymTable ParseSynonyms(IEnumerable<string> lines)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length > 1)
            {
                groups.Add(words);
            }
        }

        return new SynonymTable(groups);
    }

    private static List<KbPolicy> LoadPolicies(string folder, List<KbProblem> problems)
    {
        var policies = new List<KbPolicy>();
        if (!Directory.Exists(folder))
        {
            problems.Add(KbProblem.Error(folder, "没有 policies 文件夹 (policies folder missing)"));
            return policies;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var fields = ReadFields(file, problems, out var body);
            if (fields is null)
            {
                continue;
            }

            var missing = Missing(("id", fields.Id), ("name", fields.Name), ("issuer", fields.Issuer));
            if (missing.Count > 0)
            {
                problems.Add(KbProblem.Error(file, $"missing field(s): {string.Join(", ", missing)}"));
                continue;
            }

            policies.Add(new KbPolicy
            {
                Id = fields.Id!,
                Name = fields.Name!,
                Issuer = fields.Issuer,
                Number = NullIfEmpty(fields.Number),
                Date = ParseDate(fields.Date, "date", file, problems),
                Url = NullIfEmpty(fields.Url),
                Body = body,
                FilePath = file,
            });
        }

        return policies;
    }

    private static List<KbEntry> LoadEntries(string folder, List<KbProblem> problems)
    {
        var entries = new List<KbEntry>();
        if (!Directory.Exists(folder))
        {
            problems.Add(KbProblem.Error(folder, "qa folder missing"));
            return entries;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var fields = ReadFields(file, problems, out var body);
            if (fields is null)
            {
                continue;
            }

            var missing = Missing(("id", fields.Id), ("title", fields.Title), ("reviewed", fields.Reviewed), ("answer", body));
            if (fields.Questions is not { Count: > 0 })
            {
                missing.Add("questions");
            }

            if (fields.Sources is not { Count: > 0 })
            {
                missing.Add("sources");
            }

            if (fields.Tags is null)
            {
                missing.Add("tags");
            }

            if (fields.Local is null)
            {
                missing.Add("local");
            }

            if (missing.Count > 0)
            {
                problems.Add(KbProblem.Error(file, $"missing field(s): {string.Join(", ", missing)}"));
                continue;
            }

            entries.Add(new KbEntry
            {
                Id = fields.Id!,
                Title = fields.Title!,
                Questions = fields.Questions!.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).ToList(),
                Sources = fields.Sources!,
                Tags = fields.Tags!,
                Local = fields.Local!.Value,
                Reviewed = ParseDate(fields.Reviewed, "reviewed", file, problems),
                Answer = body,
                Topic = Path.GetFileName(Path.GetDirectoryName(file)) ?? "",
                FilePath = file,
            });
        }

        return entries;
    }

    private static SynonymTable LoadSynonyms(string file, List<KbProblem> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add(KbProblem.Warning(file, "no synonyms file; searching without synonyms"));
            return SynonymTable.Empty;
        }

        return ParseSynonyms(File.ReadAllLines(file));
    }

    private static FrontMatterFields? ReadFields(string file, List<KbProblem> problems, out string body)
    {
        body = "";
        var document = FrontMatterDocument.Parse(File.ReadAllText(file));
        if (document is null)
        {
            problems.Add(KbProblem.Error(file, "no YAML front matter (the file must start with a line '---')"));
            return null;
        }

        try
        {
            body = document.Body;
            return Yaml.Deserialize<FrontMatterFields>(document.Yaml) ?? new FrontMatterFields();
        }
        catch (YamlException ex)
        {
            problems.Add(KbProblem.Error(file, $"front matter is not valid YAML: {ex.Message}"));
            return null;
        }
    }

    private static List<string> Missing(params (string Name, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name).ToList();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value, string field, string file, List<KbProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value) || value == "null")
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(KbProblem.Error(file, $"{field} '{value}' is not a date in the form YYYY-MM-DD"));
        return null;
    }
}
