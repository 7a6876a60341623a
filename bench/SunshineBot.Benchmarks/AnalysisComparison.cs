using System.Globalization;
using System.Text;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Analysis;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Evaluation;
using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Runs the evaluation set against analysis and ranking variants and prints a Markdown table, so the
/// choice of defaults in <see cref="ChineseAnalyzerOptions"/> and <see cref="KbIndexOptions"/> is reproducible.
/// </summary>
internal static class AnalysisComparison
{
    public static string Run(KbContent content, IReadOnlyList<KbEvalQuestion> questions)
    {
        var equal = new KbIndexOptions { QuestionWeight = 1, TitleWeight = 1, TagWeight = 1, AnswerWeight = 1 };
        var defaults = new KbIndexOptions();
        var none = new ChineseAnalyzerOptions { Unigrams = false, Synonyms = false, QueryStopWords = false };
        var variants = new (string Name, ChineseAnalyzerOptions Analyzer, KbIndexOptions Index)[]
        {
            ("bigrams only, equal weights", none, equal),
            ("bigrams + unigrams, equal weights", none with { Unigrams = true }, equal),
            ("bigrams + unigrams + synonyms, equal weights", none with { Unigrams = true, Synonyms = true }, equal),
            ("bigrams + unigrams + synonyms + field weights", none with { Unigrams = true, Synonyms = true }, defaults),
            ("bigrams + synonyms + stopwords + field weights", new ChineseAnalyzerOptions { Unigrams = false }, defaults),
            ("bigrams + unigrams + stopwords + field weights (no synonyms)", new ChineseAnalyzerOptions { Synonyms = false }, defaults),
            ("all (default): bigrams + unigrams + synonyms + stopwords + field weights, term counts, every query term", new ChineseAnalyzerOptions(), defaults),
            ("all, answer weighted as much as questions", new ChineseAnalyzerOptions(), defaults with { AnswerWeight = 4 }),
            ("all, 24 rarest query terms ranked by bm25", new ChineseAnalyzerOptions(), defaults with { MaxQueryTerms = 24 }),
            ("all, 10 rarest query terms ranked by bm25", new ChineseAnalyzerOptions(), defaults with { MaxQueryTerms = 10 }),
            ("all, 16 rarest query terms ranked by bm25", new ChineseAnalyzerOptions(), defaults with { MaxQueryTerms = 16 }),
        };

        var table = new StringBuilder();
        table.AppendLine("| variant | top-1 | top-3 | answered right | answered wrong | out-of-scope refused |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, analyzer, index) in variants)
        {
            using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Analyzer = analyzer, Index = index }, content);
            var report = KbEvaluator.Evaluate(kb, questions);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Percent(report.Top1, report.InScope)} | {Percent(report.Top3, report.InScope)} | {Percent(report.AnsweredRight, report.InScope)} | {Percent(report.AnsweredWrong, report.InScope)} | {Percent(report.Refused, report.OutOfScope)} |"));
        }

        return table.ToString();
    }

    private static string Percent(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / Math.Max(1, whole):0.0} % ({part}/{whole})");
}
