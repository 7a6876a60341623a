using System.CommandLine;
using SunshineBot.Knowledge.Content;
using SunshineBot.Knowledge.Linting;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Cli.Kb;

/// <summary><c>kb lint</c>: every problem in kb/; exit code 1 when there is an error, warnings only print.</summary>
internal static class KbLintCommand
{
    public static Command Create(Option<string?> kbOption)
    {
        var command = new Command("lint", "检查知识库：缺字段、重复 id、引用不存在的政策、重复问法、超过 12 个月未复核");
        command.SetAction(result =>
        {
            var directory = KbCliContext.ResolveDirectory(result, kbOption);
            if (directory is null)
            {
                return KbCliContext.NotFound;
            }

            var content = KbLoader.Load(directory);
            var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var problems = KbLinter.Lint(content, today);
            var output = result.InvocationConfiguration.Output;
            foreach (var problem in problems.OrderByDescending(p => p.Severity).ThenBy(p => p.File, StringComparer.Ordinal))
            {
                output.WriteLine(problem.ToString());
            }

            var errors = problems.Count(p => p.Severity == KbProblemSeverity.Error);
            var warnings = problems.Count - errors;
            output.WriteLine($"{content.Entries.Count} 条问答、{content.Policies.Count} 份政策：{errors} 个错误，{warnings} 个警告");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }
}
