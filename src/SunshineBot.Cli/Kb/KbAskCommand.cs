using System.CommandLine;
using System.Text;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Answering;

namespace SunshineBot.Cli.Kb;

/// <summary>
/// <c>kb ask "问题"</c> prints the answer with its sources; <c>kb ask --json</c> without a question reads one
/// question per line from standard input (UTF-8) and writes one JSON object per line.
/// </summary>
internal static class KbAskCommand
{
    public static Command Create(Option<string?> kbOption)
    {
        var question = new Argument<string?>("question") { Description = "要问的问题；省略并加 --json 时从标准输入逐行读取", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "每个问题输出一行 JSON" };
        var command = new Command("ask", "向知识库提问") { question, json };
        command.SetAction(result =>
        {
            var text = result.GetValue(question);
            var asJson = result.GetValue(json);
            if (text is null && !asJson)
            {
                result.InvocationConfiguration.Error.WriteLine("请给出问题，例如：sunshinebot kb ask \"学校让买练习册是强制的吗\"；或用 --json 从标准输入逐行读取。");
                return 1;
            }

            var directory = KbCliContext.ResolveDirectory(result, kbOption);
            if (directory is null)
            {
                return KbCliContext.NotFound;
            }

            using var kb = KbCliContext.Open(directory);
            var output = result.InvocationConfiguration.Output;
            if (text is null)
            {
                using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
                AskJsonLines(kb, input, output);
            }
            else if (asJson)
            {
                output.WriteLine(KbAnswerJson.From(kb.Ask(text)).ToJsonLine());
            }
            else
            {
                PrintText(kb.Ask(text), output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>One JSON object per non-empty input line, flushed as it goes so a caller can stream.</summary>
    internal static int AskJsonLines(KnowledgeBase kb, TextReader input, TextWriter output)
    {
        var count = 0;
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            output.WriteLine(KbAnswerJson.From(kb.Ask(line)).ToJsonLine());
            output.Flush();
            count++;
        }

        return count;
    }

    internal static void PrintText(KbAnswer answer, TextWriter output)
    {
        output.WriteLine($"问：{answer.Question}");
        if (answer.Best is { } best)
        {
            output.WriteLine($"【{best.Entry.Title}】");
            output.WriteLine(best.Entry.Answer);
            foreach (var source in answer.Citations)
            {
                output.WriteLine(source.Ref.Length == 0 ? $"依据：{source.Title}" : $"依据：{source.Title}（{source.Ref}）");
                if (source.Passage is { Length: > 0 } passage)
                {
                    output.WriteLine($"  原文：“{passage}”");
                }
            }

            output.WriteLine(FormattableString.Invariant($"（条目 {best.Entry.Id}，得分 {best.Score:0.00}）"));
            PrintList("您可能还想了解：", answer.Alternatives, output);
            return;
        }

        if (answer.Status == KbAnswerStatus.Empty)
        {
            output.WriteLine("请输入您想咨询的问题。");
            return;
        }

        output.WriteLine(answer.Suggestions.Count > 0
            ? "抱歉，这个问题我不太确定。您是不是想问："
            : "抱歉，这个问题不在我们的知识库范围内。您可以回复“人工”联系工作人员，或拨打 12345 政务服务便民热线。");
        PrintList("", answer.Suggestions, output);
    }

    private static void PrintList(string heading, IReadOnlyList<Knowledge.Indexing.KbHit> hits, TextWriter output)
    {
        if (hits.Count == 0)
        {
            return;
        }

        if (heading.Length > 0)
        {
            output.WriteLine(heading);
        }

        for (var i = 0; i < hits.Count; i++)
        {
            output.WriteLine(FormattableString.Invariant($"  {i + 1}. {hits[i].Entry.Title}（{hits[i].Entry.Id}）"));
        }
    }
}
