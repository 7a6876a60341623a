using System.CommandLine;

namespace SunshineBot.Cli.Kb;

/// <summary>`sunshinebot kb ...` (placeholder until the knowledge-base commands land).</summary>
internal static class KbCommands
{
    public static Command Create() => new("kb", "知识库：构建、检查、问答、评测");
}
