using System.Diagnostics;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Benchmarks;

/// <summary>Where a 10,000-entry build spends its time: normalisation, analysis, the whole build.</summary>
internal static class BuildProfile
{
    public static void Run(KbContent real, TextWriter output)
    {
        var content = SyntheticKb.Create(real, 10_000);
        var texts = content.Entries.SelectMany(e => new[] { string.Join("\n", e.Questions), e.Title, string.Join("\n", e.Tags), e.Answer }).ToArray();
        var analyzer = new ChineseAnalyzer(content.Synonyms);
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                ChineseNormalizer.Normalize(text);
            }

            var normalize = sw.Elapsed;
            sw.Restart();
            long tokens = 0;
            foreach (var text in texts)
            {
                tokens += analyzer.AnalyzeDocument(text).Count;
            }

            var analyze = sw.Elapsed;
            sw.Restart();
            foreach (var e in content.Entries)
            {
                foreach (var v in e.Questions.Append(e.Title))
                {
                    analyzer.AnalyzeQuery(v);
                }
            }

            var variants = sw.Elapsed;
            sw.Restart();
            var index = KbIndexBuilder.Build(content);
            var build = sw.Elapsed;
            output.WriteLine($"normalize {normalize.TotalMilliseconds:0} ms, analyze (strings) {analyze.TotalMilliseconds:0} ms ({tokens:N0} tokens), variants {variants.TotalMilliseconds:0} ms, build {build.TotalMilliseconds:0} ms ({index.TermCount:N0} terms, {index.PostingCount:N0} postings)");
        }
    }
}
