using SunshineBot.Core.Scoring;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SunshineBot.Data.Reports;

/// <summary>
/// Reads rubrics/*.yaml (shipped beside the binaries) into <see cref="Rubric"/>s. A file that names an unknown
/// condition, metric or rounding is refused with the file and item in the message.
/// </summary>
public static class RubricFile
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "rubrics");

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<string> Ids(string? folder = null) =>
        Directory.EnumerateFiles(folder ?? DefaultFolder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The rubric with this id, or null when there is no such file.</summary>
    public static Rubric? Find(string id, string? folder = null)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return null;
        }

        var path = Path.Combine(folder ?? DefaultFolder, id + ".yaml");
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : null;
    }

    public static Rubric Parse(string yaml, string name)
    {
        RubricDoc doc;
        try
        {
            doc = Yaml.Deserialize<RubricDoc>(yaml) ?? throw new FormatException("empty file");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{name}: {e.Message}", e);
        }

        var items = (doc.Items ?? []).Select(i => Item(i, name)).ToArray();
        return new Rubric(Need(doc.Id, name, "id"), Need(doc.Title, name, "title"), doc.Source ?? "", doc.BonusCap, RoundingOf(doc.Rounding, name), items);
    }

    private static RubricItem Item(ItemDoc i, string file)
    {
        var where = $"{file} item {i.Id}";
        var rules = new List<RubricRule>();
        foreach (var r in i.Rules ?? [])
        {
            if (r.Tickets is { } t)
            {
                var cases = (t.Cases ?? []).Select(c =>
                {
                    foreach (var w in c.When ?? [])
                    {
                        if (!TicketConditions.IsKnown(w))
                        {
                            throw new FormatException($"{where}: unknown condition '{w}' (known: {string.Join(", ", TicketConditions.Names)})");
                        }
                    }

                    return new TicketCase(c.When ?? [], c.Points, EachOf(c.Each, where), c.Reason ?? "");
                }).ToArray();
                rules.Add(new TicketRule(t.Reason ?? i.Title ?? "", cases, t.Cap));
            }
            else if (r.Rate is { } rate)
            {
                var metric = Enum.TryParse<RateMetric>((rate.Metric ?? "").Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var m)
                    ? m : throw new FormatException($"{where}: unknown metric '{rate.Metric}'");
                var threshold = rate.AtLeast ?? rate.AtMost ?? throw new FormatException($"{where}: a rate needs at_least or at_most");
                var step = rate.Step switch
                {
                    null or "whole-points" => PointStep.WholePoints,
                    "started-points" => PointStep.StartedPoints,
                    "exact" => PointStep.Exact,
                    _ => throw new FormatException($"{where}: unknown step '{rate.Step}'"),
                };
                rules.Add(new RateRule(rate.Reason ?? i.Title ?? "", metric, threshold, rate.AtMost is not null, rate.PerPoint, rate.ZeroBelow, rate.Cap, step, rate.Bonus));
            }
            else
            {
                throw new FormatException($"{where}: a rule is either tickets or rate");
            }
        }

        ManualSpec? manual = i.Manual is { } md
            ? new ManualSpec(md.Default == "full", md.Min ?? (i.Points < 0 ? i.Points : 0), md.Max ?? Math.Max(0, i.Points), md.Guide ?? "")
            : null;
        if (manual is null && rules.Count == 0)
        {
            throw new FormatException($"{where}: an item is computed (rules) or manual");
        }

        return new RubricItem(Need(i.Id, file, "item id"), Need(i.Title, file, "item title"), i.Points, i.Bonus, i.NoFloor ? null : i.Floor ?? 0, RoundingOf(i.Rounding, where), rules, manual, i.Note);
    }

    private static Each EachOf(string? each, string where) => each switch
    {
        null or "ticket" => Each.Ticket,
        "day-late" => Each.DayLate,
        "redo" => Each.Redo,
        "fault" => Each.Fault,
        _ => throw new FormatException($"{where}: unknown each '{each}'"),
    };

    private static Rounding RoundingOf(string? text, string where) => text switch
    {
        "none" => Rounding.None,
        "half-up-1" => Rounding.HalfUpOneDecimal,
        "half-up-0" => Rounding.HalfUpWhole,
        _ => throw new FormatException($"{where}: rounding must be none, half-up-1 or half-up-0 (got '{text}')"),
    };

    private static string Need(string? value, string file, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{file}: {field} is required") : value;

    // YAML shapes (underscored names). Internal: only this loader sees them.
    internal sealed class RubricDoc
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Source { get; set; }
        public string? Rounding { get; set; }
        public decimal? BonusCap { get; set; }
        public List<ItemDoc>? Items { get; set; }
    }

    internal sealed class ItemDoc
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public decimal Points { get; set; }
        public bool Bonus { get; set; }
        public decimal? Floor { get; set; }
        public bool NoFloor { get; set; }
        public string? Rounding { get; set; }
        public string? Note { get; set; }
        public List<RuleDoc>? Rules { get; set; }
        public ManualDoc? Manual { get; set; }
    }

    internal sealed class RuleDoc
    {
        public TicketsDoc? Tickets { get; set; }
        public RateDoc? Rate { get; set; }
    }

    internal sealed class TicketsDoc
    {
        public string? Reason { get; set; }
        public decimal? Cap { get; set; }
        public List<CaseDoc>? Cases { get; set; }
    }

    internal sealed class CaseDoc
    {
        public List<string>? When { get; set; }
        public decimal Points { get; set; }
        public string? Each { get; set; }
        public string? Reason { get; set; }
    }

    internal sealed class RateDoc
    {
        public string? Metric { get; set; }
        public decimal? AtLeast { get; set; }
        public decimal? AtMost { get; set; }
        public decimal? PerPoint { get; set; }
        public decimal? ZeroBelow { get; set; }
        public decimal? Cap { get; set; }
        public string? Step { get; set; }
        public decimal? Bonus { get; set; }
        public string? Reason { get; set; }
    }

    internal sealed class ManualDoc
    {
        public string? Default { get; set; }
        public decimal? Min { get; set; }
        public decimal? Max { get; set; }
        public string? Guide { get; set; }
    }
}
