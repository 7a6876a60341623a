using System.Diagnostics;
using System.Globalization;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Benchmarks;

/// <summary>
/// One 10,000-entry build and a few passes of questions, each timed (wall and thread CPU): a short, steady
/// workload to run under <c>dotnet-trace collect</c>.
/// </summary>
internal static class ProfileRun
{
    public static void Run(KbContent real, string[] questions, int size, TextWriter output)
    {
        var content = size == real.Entries.Count ? real : SyntheticKb.Create(real, size);
        // Lucene may merge on its own threads: the process's CPU time counts them, the thread's does not.
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = ThreadCpu.Milliseconds();
        var stopwatch = Stopwatch.StartNew();
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions(), content);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build {content.Entries.Count:N0} entries: {stopwatch.Elapsed.TotalMilliseconds:0} ms wall, {ThreadCpu.Milliseconds() - cpu:0} ms CPU (thread), " +
            $"{(Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds:0} ms CPU (process)"));
        for (var round = 0; round < 5; round++)
        {
            cpu = ThreadCpu.Milliseconds();
            stopwatch.Restart();
            foreach (var question in questions)
            {
                kb.Ask(question);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pass {round}: {stopwatch.Elapsed.TotalMilliseconds / questions.Length:0.000} ms wall, {(ThreadCpu.Milliseconds() - cpu) / questions.Length:0.000} ms CPU per question"));
        }
    }
}
