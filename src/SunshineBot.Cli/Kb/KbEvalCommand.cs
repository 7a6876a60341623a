using System.CommandLine;
using System.Globalization;
using SunshineBot.Knowledge.Evaluation;

namespace SunshineBot.Cli.Kb;

/// <summary>
/// <c>kb eval FILE</c>: top-1, top-3, refusal rate and every miss. Exit code 1 when a figure is below its
/// floor (top-1 90 %, top-3 97 %, refusal 90 %), so a script or CI step can fail on it.
/// </summary>
internal static class KbEvalCommand
{
    public static Command Create(Option<string?> kbOption)
    {
        var file = new Argument<string>("file") { Description = "评测文件（JSON Lines：{\"question\": ..., \"expected\": 条目 id 或 null}）" };
        var command = new Command("eval", "用评测集评估问答准确率（低于底线时退出码为 1）") { file };
        command.SetAction(result =>
        {
            var directory = KbCliContext.ResolveDirectory(result, kbOption);
            if (directory is null)
            {
                return KbCliContext.NotFound;
            }

            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                result.InvocationConfiguration.Error.WriteLine($"找不到评测文件：{path}");
                return KbCliContext.NotFound;
            }

            using var kb = KbCliContext.Open(directory);
            var report = KbEvaluator.Evaluate(kb, KbEvalQuestion.ReadJsonLines(path));
            Print(report, result.InvocationConfiguration.Output);
            return report.MeetsFloors ? 0 : 1;
        });
        return command;
    }

    private static void Print(KbEvalReport report, TextWriter output)
    {
        output.WriteLine(Line($"top-1（首条即正确）     {report.Top1Rate:P1}  ({report.Top1}/{report.InScope})，底线 {KbEvalReport.Top1Floor:P0}"));
        output.WriteLine(Line($"top-3（前三条含正确）   {report.Top3Rate:P1}  ({report.Top3}/{report.InScope})，底线 {KbEvalReport.Top3Floor:P0}"));
        output.WriteLine(Line($"范围外拒答率            {report.RefusalRate:P1}  ({report.Refused}/{report.OutOfScope})，底线 {KbEvalReport.RefusalFloor:P0}"));
        output.WriteLine(Line($"直接作答且正确          {report.AnsweredRightRate:P1}  ({report.AnsweredRight}/{report.InScope})"));
        output.WriteLine(Line($"直接作答但答错          {report.AnsweredWrongRate:P1}  ({report.AnsweredWrong}/{report.InScope})"));
        output.WriteLine($"未命中 {report.Misses.Count} 条：");
        foreach (var miss in report.Misses)
        {
            var kind = miss.Kind switch
            {
                KbEvalMissKind.WrongAnswer => "答错",
                KbEvalMissKind.SuggestedNotFirst => "不确定，正确条目在建议中但不是第一",
                KbEvalMissKind.NotShown => "正确条目未出现在前三",
                _ => "范围外却作答",
            };
            output.WriteLine(Line($"- [{kind}] {miss.Question}"));
            output.WriteLine(Line($"    期望 {miss.Expected ?? "（拒答）"}；显示 {(miss.Shown.Count == 0 ? "（无）" : string.Join(", ", miss.Shown))}；得分 {miss.Score:0.00}，覆盖 {miss.Coverage:0.00}"));
        }

        output.WriteLine(report.MeetsFloors ? "结果：达到底线" : "结果：低于底线");
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
