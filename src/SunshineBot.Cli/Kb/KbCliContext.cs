using System.CommandLine;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Cli.Kb;

/// <summary>Shared by the kb commands: find the kb/ folder, open the knowledge base, report plain errors.</summary>
internal static class KbCliContext
{
    /// <summary>Exit code when the kb folder cannot be found or read.</summary>
    public const int NotFound = 2;

    public static string? ResolveDirectory(ParseResult result, Option<string?> kbOption)
    {
        var given = result.GetValue(kbOption);
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (Directory.Exists(given))
            {
                return Path.GetFullPath(given);
            }

            result.InvocationConfiguration.Error.WriteLine($"找不到知识库目录：{given}");
            return null;
        }

        var found = KbDirectory.FindFrom(Directory.GetCurrentDirectory());
        if (found is null)
        {
            result.InvocationConfiguration.Error.WriteLine(
                "找不到知识库：当前目录及其上级目录中都没有含 synonyms.txt 的 kb 目录。请在仓库目录中运行，或用 --kb 指定目录。");
        }

        return found;
    }

    public static KnowledgeBase Open(string directory) => new(new KnowledgeBaseOptions { Path = directory });
}
