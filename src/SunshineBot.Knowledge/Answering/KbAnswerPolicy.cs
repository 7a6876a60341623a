using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge.Answering;

/// <summary>
/// Decides between a confident answer and "not sure". A confident answer needs a high enough bm25 score,
/// enough of the question's terms in the entry, and either high coverage or a clear lead on the runner-up.
/// </summary>
public static class KbAnswerPolicy
{
    public static KbAnswer Decide(string question, IReadOnlyList<KbHit> hits, KbAnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(options);
        if (hits.Count == 0)
        {
            return new KbAnswer { Question = question, Status = KbAnswerStatus.NotSure };
        }

        var ranked = hits.Take(3).ToList();
        if (IsConfident(hits, options))
        {
            return new KbAnswer { Question = question, Status = KbAnswerStatus.Answered, Ranked = ranked };
        }

        return new KbAnswer
        {
            Question = question,
            Status = KbAnswerStatus.NotSure,
            Ranked = ranked,
            Suggestions = ranked.Where(h => h.Coverage >= options.MinSuggestionCoverage).ToList(),
        };
    }

    public static bool IsConfident(IReadOnlyList<KbHit> hits, KbAnswerOptions options)
    {
        var best = hits[0];
        if (best.Score < options.MinScore || best.Coverage < options.MinCoverage)
        {
            return false;
        }

        if (best.Coverage >= options.SureCoverage || hits.Count == 1)
        {
            return true;
        }

        var margin = (best.Score - hits[1].Score) / best.Score;
        return margin >= options.MinMargin;
    }
}
