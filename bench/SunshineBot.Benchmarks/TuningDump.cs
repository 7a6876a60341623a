using System.Globalization;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Evaluation;

namespace SunshineBot.Benchmarks;

/// <summary>Tab-separated features of the top hits per evaluation question, for tuning the answer thresholds.</summary>
internal static class TuningDump
{
    public static void Run(KbContent content, IReadOnlyList<KbEvalQuestion> questions, TextWriter output)
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        output.WriteLine("expected\trank\ttop_id\tscore1\tcov1\tsim1\tscore2\tcov2\tsim2\tunknown\tsims\tscores\tcovs\tids\tquestion");
        foreach (var q in questions)
        {
            var hits = kb.Search(q.Question, 10);
            var rank = q.Expected is null ? -1 : hits.ToList().FindIndex(h => h.Entry.Id == q.Expected);
            var h1 = hits.Count > 0 ? hits[0] : null;
            var h2 = hits.Count > 1 ? hits[1] : null;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{q.Expected ?? "-"}\t{rank}\t{h1?.Entry.Id}\t{h1?.Score:0.00}\t{h1?.Coverage:0.00}\t{h1?.Similarity:0.00}\t{h2?.Score:0.00}\t{h2?.Coverage:0.00}\t{h2?.Similarity:0.00}\t{kb.UnknownShare(q.Question):0.00}\t{string.Join(",", hits.Select(h => h.Similarity.ToString("0.000", CultureInfo.InvariantCulture)))}\t{string.Join(",", hits.Select(h => h.Score.ToString("0.00", CultureInfo.InvariantCulture)))}\t{string.Join(",", hits.Select(h => h.Coverage.ToString("0.000", CultureInfo.InvariantCulture)))}\t{string.Join(",", hits.Select(h => h.Entry.Id))}\t{q.Question}"));
        }
    }

    /// <summary>Ranked-first and top-3 counts for a grid of bm25 column weights.</summary>
    public static void SweepWeights(KbContent content, IReadOnlyList<KbEvalQuestion> questions, TextWriter output)
    {
        var inScope = questions.Where(q => q.InScope).ToList();
        foreach (var q in new[] { 1.0, 2, 4, 8 })
        foreach (var t in new[] { 1.0, 2, 4 })
        foreach (var g in new[] { 0.5, 1, 2 })
        foreach (var a in new[] { 0.5, 1.0, 2 })
        {
            var index = new Knowledge.Indexing.KbIndexOptions { QuestionWeight = q, TitleWeight = t, TagWeight = g, AnswerWeight = a };
            using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Index = index }, content);
            var ranked = inScope.Select(x => kb.Search(x.Question, 3).Select(h => h.Entry.Id).ToList()).ToList();
            var first = inScope.Where((x, i) => ranked[i].Count > 0 && ranked[i][0] == x.Expected).Count();
            var three = inScope.Where((x, i) => ranked[i].Contains(x.Expected!)).Count();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"q={q} t={t} g={g} a={a}\t{first}\t{three}"));
        }
    }
}
