using System.CommandLine;

namespace SunshineBot.Cli.Kb;

/// <summary><c>sunshinebot kb build|lint|ask|eval</c>: the knowledge base from the command line.</summary>
internal static class KbCommands
{
    public static Command Create()
    {
        var kb = new Option<string?>("--kb") { Description = "知识库目录（默认：从当前目录向上查找含 synonyms.txt 的 kb 目录）", Recursive = true };
        return new Command("kb", "知识库：构建、检查、问答、评测")
        {
            kb,
            KbBuildCommand.Create(kb),
            KbLintCommand.Create(kb),
            KbAskCommand.Create(kb),
            KbEvalCommand.Create(kb),
        };
    }
}
