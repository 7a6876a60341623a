using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Linting;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Knowledge.Tests.Linting;

public sealed class KbLinterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static IReadOnlyList<KbProblem> Lint(TempKbFolder kb) => KbLinter.Lint(KbLoader.Load(kb.Path), Today);

    [Fact]
    public void Lint_CleanKb_NoProblems()
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials"]);

        Assert.Empty(Lint(kb));
    }

    [Fact]
    public void Lint_DuplicateEntryIds_Error()
    {
        using var kb = new TempKbFolder().Policy("materials")
            .Entry("a", ["教辅必须买吗"], ["materials"])
            .Entry("a", ["校服必须买吗"], ["materials"], topic: "uniforms");

        Assert.Contains(Lint(kb), p => p.Severity == KbProblemSeverity.Error && p.Message.Contains("duplicate entry id", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_IdDiffersFromFileName_Error()
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials"], fileName: "b");

        Assert.Contains(Lint(kb), p => p.Severity == KbProblemSeverity.Error && p.Message.Contains("differs from the file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_CitesUnknownPolicy_Error()
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials", "no-such-policy"]);

        var problem = Assert.Single(Lint(kb));
        Assert.Equal(KbProblemSeverity.Error, problem.Severity);
        Assert.Contains("no-such-policy", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_SameQuestionInTwoEntries_ErrorEvenWithDifferentPunctuation()
    {
        using var kb = new TempKbFolder().Policy("materials")
            .Entry("a", ["教辅必须买吗"], ["materials"])
            .Entry("b", ["教辅必须买吗？"], ["materials"]);

        Assert.Contains(Lint(kb), p => p.Severity == KbProblemSeverity.Error && p.Message.Contains("appears in both", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_MissingField_ErrorFromLoader()
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials"], omitField: "title");

        Assert.Contains(Lint(kb), p => p.Severity == KbProblemSeverity.Error && p.Message.Contains("title", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2025-11-21", true)]
    [InlineData("2025-11-22", false)]
    [InlineData("2026-06-01", false)]
    public void Lint_ReviewedMoreThanTwelveMonthsAgo_Warning(string reviewed, bool warned)
    {
        using var kb = new TempKbFolder().Policy("materials").Entry("a", ["教辅必须买吗"], ["materials"], reviewed: reviewed);

        var problems = Lint(kb);

        Assert.All(problems, p => Assert.Equal(KbProblemSeverity.Warning, p.Severity));
        Assert.Equal(warned, problems.Any(p => p.Message.Contains("reviewed", StringComparison.Ordinal)));
    }
}
