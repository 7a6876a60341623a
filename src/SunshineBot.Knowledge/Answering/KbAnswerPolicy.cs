using SunshineBot.Knowledge.Indexing;

namespace SunshineBot.Knowledge.Answering;

/// <summary>
/// Decides between a confident answer and "not sure": the best hit must cover enough of the question, be
/// close to one of its question variants, and lead the runner-up (see <see cref="Confidence"/>).
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
        if (IsConfident(hits, options) && !(options.RefuseOtherDomains && DomainWords.IsOtherDomain(question)))
        {
            return new KbAnswer { Question = question, Status = KbAnswerStatus.Answered, Ranked = ranked };
        }

        return new KbAnswer
        {
            Question = question,
            Status = KbAnswerStatus.NotSure,
            Ranked = ranked,
            Suggestions = ranked.Where(h => h.Coverage + h.Similarity >= options.MinSuggestionRelevance).ToList(),
        };
    }

    public static bool IsConfident(IReadOnlyList<KbHit> hits, KbAnswerOptions options) =>
        Confidence(hits, options) >= options.MinConfidence;

    /// <summary>How sure the best hit is right: what it covers of the question, and how far it leads.</summary>
    public static double Confidence(IReadOnlyList<KbHit> hits, KbAnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(options);
        if (hits.Count == 0)
        {
            return 0;
        }

        var best = hits[0];
        var lead = hits.Count == 1 || best.Relevance <= 0 ? 1 : Math.Max(0, (best.Relevance - hits[1].Relevance) / best.Relevance);
        return best.Coverage + best.Similarity + (options.MarginWeight * lead);
    }
}
