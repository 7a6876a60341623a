namespace SunshineBot.Knowledge.Evaluation;

public enum KbEvalMissKind
{
    /// <summary>In scope, answered confidently with another entry.</summary>
    WrongAnswer,

    /// <summary>In scope, "not sure", and the right entry was among the suggestions but not first.</summary>
    SuggestedNotFirst,

    /// <summary>In scope, and the right entry was not among the three shown.</summary>
    NotShown,

    /// <summary>Out of scope, yet answered confidently.</summary>
    AnsweredOutOfScope,
}

public sealed record KbEvalMiss(string Question, string? Expected, KbEvalMissKind Kind, IReadOnlyList<string> Shown, double Score, double Coverage);

/// <summary>
/// Evaluation figures. Top-1: the first entry shown (the answer, or the first "did you mean" suggestion) is
/// the expected one. Top-3: the expected entry is among the (up to three) entries shown. Refusal: out-of-scope
/// questions not answered confidently. Answered right / wrong: in-scope questions answered confidently.
/// </summary>
public sealed record KbEvalReport(
    int InScope,
    int Top1,
    int Top3,
    int AnsweredRight,
    int AnsweredWrong,
    int OutOfScope,
    int Refused,
    IReadOnlyList<KbEvalMiss> Misses)
{
    public double Top1Rate => InScope == 0 ? 1 : (double)Top1 / InScope;

    public double Top3Rate => InScope == 0 ? 1 : (double)Top3 / InScope;

    public double AnsweredRightRate => InScope == 0 ? 1 : (double)AnsweredRight / InScope;

    public double AnsweredWrongRate => InScope == 0 ? 0 : (double)AnsweredWrong / InScope;

    public double RefusalRate => OutOfScope == 0 ? 1 : (double)Refused / OutOfScope;

    public static double Top1Floor => 0.90;

    public static double Top3Floor => 0.97;

    public static double RefusalFloor => 0.90;

    public bool MeetsFloors => Top1Rate >= Top1Floor && Top3Rate >= Top3Floor && RefusalRate >= RefusalFloor;
}
