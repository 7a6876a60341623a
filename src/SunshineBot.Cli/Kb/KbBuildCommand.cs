using System.CommandLine;
using System.Globalization;

namespace SunshineBot.Cli.Kb;

/// <summary><c>kb build</c>: load kb/, build the index, print the counts and the time taken.</summary>
internal static class KbBuildCommand
{
    public static Command Create(Option<string?> kbOption)
    {
        var command = new Command("build", "构建知识库索引并显示条目数和耗时");
        command.SetAction(result =>
        {
            var directory = KbCliContext.ResolveDirectory(result, kbOption);
            if (directory is null)
            {
                return KbCliContext.NotFound;
            }

            var output = result.InvocationConfiguration.Output;
            using var kb = KbCliContext.Open(directory);
            var report = kb.LastBuild;
            output.WriteLine($"知识库：{directory}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"问答条目 {report.EntryCount} 条，政策依据 {report.PolicyCount} 份，同义词 {report.SynonymGroupCount} 组，索引词 {report.TermCount} 个"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"耗时 {report.Elapsed.TotalMilliseconds:0} 毫秒"));
            foreach (var problem in report.LoadProblems)
            {
                output.WriteLine(problem.ToString());
            }

            return report.LoadProblems.Any(p => p.Severity == Knowledge.Content.KbProblemSeverity.Error) ? 1 : 0;
        });
        return command;
    }
}
