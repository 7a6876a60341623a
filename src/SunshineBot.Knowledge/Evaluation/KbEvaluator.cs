using SunshineBot.Knowledge.Answering;

namespace SunshineBot.Knowledge.Evaluation;

/// <summary>Asks every labelled question and counts what a parent would have seen.</summary>
public static class KbEvaluator
{
    public static KbEvalReport Evaluate(Func<string, KbAnswer> ask, IEnumerable<KbEvalQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(questions);
        int inScope = 0, top1 = 0, top3 = 0, right = 0, wrong = 0, outOfScope = 0, refused = 0;
        var misses = new List<KbEvalMiss>();
        foreach (var question in questions)
        {
            var answer = ask(question.Question);
            var shown = answer.Shown.Select(h => h.Entry.Id).ToList();
            var best = answer.Ranked.Count > 0 ? answer.Ranked[0] : null;
            KbEvalMissKind? miss = null;
            if (question.InScope)
            {
                inScope++;
                var isTop1 = shown.Count > 0 && shown[0] == question.Expected;
                var isTop3 = shown.Contains(question.Expected!, StringComparer.Ordinal);
                top1 += isTop1 ? 1 : 0;
                top3 += isTop3 ? 1 : 0;
                right += answer.Answered && isTop1 ? 1 : 0;
                wrong += answer.Answered && !isTop1 ? 1 : 0;
                if (!isTop1)
                {
                    miss = answer.Answered ? KbEvalMissKind.WrongAnswer
                        : isTop3 ? KbEvalMissKind.SuggestedNotFirst : KbEvalMissKind.NotShown;
                }
            }
            else
            {
                outOfScope++;
                refused += answer.Answered ? 0 : 1;
                miss = answer.Answered ? KbEvalMissKind.AnsweredOutOfScope : null;
            }

            if (miss is { } kind)
            {
                misses.Add(new KbEvalMiss(question.Question, question.Expected, kind, shown, best?.Score ?? 0, best?.Coverage ?? 0));
            }
        }

        return new KbEvalReport(inScope, top1, top3, right, wrong, outOfScope, refused, misses);
    }

    public static KbEvalReport Evaluate(KnowledgeBase knowledgeBase, IEnumerable<KbEvalQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return Evaluate(knowledgeBase.Ask, questions);
    }
}
