using System.Globalization;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Evaluation;

namespace SunshineBot.Benchmarks;

/// <summary>
/// Every question's outcome, one line each (status, entries shown, the top ten with bm25 scores, the quoted
/// passages), so two builds of the engine can be compared question by question with <c>diff</c>.
/// </summary>
internal static class AnswerDump
{
    public static void Run(KbContent content, IEnumerable<KbEvalQuestion> questions, TextWriter output)
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        foreach (var q in questions)
        {
            var answer = kb.Ask(q.Question);
            var hits = kb.Search(q.Question, 10);
            var passages = answer.Citations.Select(c => c.Passage ?? "-");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{q.Question}\t{q.Expected ?? "(refuse)"}\t{answer.Status}\t{string.Join(",", answer.Shown.Select(h => h.Entry.Id))}\t" +
                $"{string.Join(",", hits.Select(h => $"{h.Entry.Id}:{h.Score:0.000}"))}\t{string.Join(" | ", passages)}"));
        }
    }
}
