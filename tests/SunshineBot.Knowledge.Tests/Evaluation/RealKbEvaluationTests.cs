using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Evaluation;
using SunshineBot.Knowledge.Linting;
using SunshineBot.Knowledge.Loading;
using Xunit.Abstractions;

namespace SunshineBot.Knowledge.Tests.Evaluation;

/// <summary>The real kb/ against tests/eval/kb-questions.jsonl: the quality floors of issue 3.</summary>
public sealed class RealKbEvaluationTests(ITestOutputHelper output)
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Evaluate_RealKb_MeetsTheFloors()
    {
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Path = Path.Combine(Root, "kb") });
        var questions = KbEvalQuestion.ReadJsonLines(Path.Combine(Root, "tests", "eval", "kb-questions.jsonl"));

        var report = KbEvaluator.Evaluate(kb, questions);

        output.WriteLine($"top-1 {report.Top1Rate:P1}, top-3 {report.Top3Rate:P1}, refusal {report.RefusalRate:P1}, answered wrong {report.AnsweredWrong}");
        foreach (var miss in report.Misses)
        {
            output.WriteLine($"{miss.Kind}: {miss.Question} → expected {miss.Expected}, shown {string.Join(", ", miss.Shown)}");
        }

        Assert.True(report.InScope >= 150, $"only {report.InScope} in-scope questions");
        Assert.True(report.OutOfScope >= 30, $"only {report.OutOfScope} out-of-scope questions");
        Assert.True(report.Top1Rate >= KbEvalReport.Top1Floor, $"top-1 {report.Top1Rate:P1}");
        Assert.True(report.Top3Rate >= KbEvalReport.Top3Floor, $"top-3 {report.Top3Rate:P1}");
        Assert.True(report.RefusalRate >= KbEvalReport.RefusalFloor, $"refusal {report.RefusalRate:P1}");
    }

    [Fact]
    public void Lint_RealKb_NoErrors()
    {
        var problems = KbLinter.Lint(KbLoader.Load(Path.Combine(Root, "kb")), new DateOnly(2026, 11, 22));

        Assert.DoesNotContain(problems, p => p.Severity == KbProblemSeverity.Error);
    }

    [Theory]
    [InlineData("kb-questions.jsonl")]
    [InlineData("kb-parents-holdout.jsonl")]
    public void EvalFile_ExpectedIds_AllExistInKb(string file)
    {
        var ids = KbLoader.Load(Path.Combine(Root, "kb")).Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var questions = KbEvalQuestion.ReadJsonLines(Path.Combine(Root, "tests", "eval", file));

        Assert.Empty(questions.Where(q => q.Expected is not null && !ids.Contains(q.Expected)).Select(q => q.Expected));
    }
}
