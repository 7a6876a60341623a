using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>Builds a <see cref="KbIndex"/> from loaded content: analyses every field into in-memory postings.</summary>
public static class KbIndexBuilder
{
    public static KbIndex Build(KbContent content, ChineseAnalyzerOptions? analyzerOptions = null, KbIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new KbIndexOptions();
        var analyzer = new ChineseAnalyzer(content.Synonyms, analyzerOptions);
        var entries = DistinctById(content.Entries);
        var policies = content.Policies.GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ToCitation(), StringComparer.Ordinal);
        var citations = entries
            .Select(e => (IReadOnlyList<KbCitation>)e.Sources.Where(policies.ContainsKey).Select(s => policies[s]).ToList())
            .ToArray();

        double[] weights = [options.QuestionWeight, options.TitleWeight, options.TagWeight, options.AnswerWeight];
        var builder = new InvertedIndexBuilder(weights, options.PerFieldLength, options.DistinctTokensPerField);
        var variants = new int[entries.Length][][];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            builder.AddField(analyzer, string.Join("\n", entry.Questions));
            builder.AddField(analyzer, entry.Title);
            builder.AddField(analyzer, string.Join("\n", entry.Tags));
            builder.AddField(analyzer, entry.Answer);
            builder.EndEntry();
            variants[i] = entry.Questions.Append(entry.Title).Select(v => builder.InternVariant(analyzer, v)).ToArray();
        }

        var inverted = builder.Build();
        return new KbIndex(entries, citations, inverted, new TermStatistics(inverted, variants), options, analyzer);
    }

    private static KbEntry[] DistinctById(IReadOnlyList<KbEntry> entries) =>
        entries.GroupBy(e => e.Id, StringComparer.Ordinal).Select(g => g.First()).ToArray();
}
