using SunshineBot.Knowledge.Loading;

namespace SunshineBot.Benchmarks;

internal static class BenchPaths
{
    public static string KbDirectory() =>
        SunshineBot.Knowledge.Loading.KbDirectory.FindFrom(Directory.GetCurrentDirectory())
        ?? SunshineBot.Knowledge.Loading.KbDirectory.FindFrom(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("No kb/ folder with synonyms.txt above the current directory.");

    public static string EvalFile() =>
        Path.Combine(Path.GetDirectoryName(KbDirectory())!, "tests", "eval", "kb-questions.jsonl");
}
