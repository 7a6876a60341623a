using SunshineBot.Knowledge.Loading;
using BenchmarkDotNet.Running;
using SunshineBot.Benchmarks;
using SunshineBot.Knowledge.Evaluation;

// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- compare   analysis variants on the eval set
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- latency   per-query latency percentiles, memory
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- fts5      in-memory bm25 against the FTS5 reference
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- reports DB   phases of a year's report on a seeded db
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- queue DB     the admin's first queue page, ten times
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- search DB    staff search's first page (builds the ticket index once)
// dotnet run -c Release --project bench/SunshineBot.Benchmarks -- --filter '*'   BenchmarkDotNet suites
Console.OutputEncoding = System.Text.Encoding.UTF8;
var kbDirectory = BenchPaths.KbDirectory();
var evalFile = BenchPaths.EvalFile();

switch (args.FirstOrDefault())
{
    case "compare":
        Console.WriteLine(AnalysisComparison.Run(KbLoader.Load(kbDirectory), KbEvalQuestion.ReadJsonLines(evalFile)));
        break;
    case "dump":
        TuningDump.Run(KbLoader.Load(kbDirectory), KbEvalQuestion.ReadJsonLines(evalFile), Console.Out);
        break;
    case "sweep":
        TuningDump.SweepWeights(KbLoader.Load(kbDirectory), KbEvalQuestion.ReadJsonLines(evalFile), Console.Out);
        break;
    case "fts5":
        var real = KbLoader.Load(kbDirectory);
        var asked = KbEvalQuestion.ReadJsonLines(evalFile).Select(q => q.Question).ToList();
        Fts5Reference.Compare(real, asked, Console.Out);
        Fts5Reference.Compare(SyntheticKb.Create(real, 10_000), asked, Console.Out);
        break;
    case "buildprofile":
        BuildProfile.Run(KbLoader.Load(kbDirectory), Console.Out);
        break;
    case "answers":
        var answerKb = KbLoader.Load(kbDirectory);
        var answerSize = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var holdout = Path.Combine(Path.GetDirectoryName(evalFile)!, "kb-parents-holdout.jsonl");
        AnswerDump.Run(answerSize > 0 ? SyntheticKb.Create(answerKb, answerSize) : answerKb,
            KbEvalQuestion.ReadJsonLines(evalFile).Concat(KbEvalQuestion.ReadJsonLines(holdout)), Console.Out);
        break;
    case "profile":
        ProfileRun.Run(KbLoader.Load(kbDirectory), KbEvalQuestion.ReadJsonLines(evalFile).Select(q => q.Question).ToArray(),
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, Console.Out);
        break;
    case "queue":
        var queueBench = new ReportBenchmarks();
        Environment.SetEnvironmentVariable("SUNSHINE_BENCH_DB", ReportDatabase.Path(args.ElementAtOrDefault(1)));
        queueBench.Setup();
        for (var i = 0; i < 10; i++)
        {
            var queueWatch = System.Diagnostics.Stopwatch.StartNew();
            await queueBench.QueueFirstPage();
            Console.WriteLine($"queue first page {queueWatch.Elapsed.TotalMilliseconds:0} ms");
        }

        break;
    case "search":
        using (var search = new SearchBenchmarks())
        {
            search.Open(ReportDatabase.Path(args.ElementAtOrDefault(1)), Console.Out);
            await search.RunAsync(Console.Out);
        }

        break;
    case "reports":
        await ReportProfile.RunAsync(ReportDatabase.Path(args.ElementAtOrDefault(1)), Console.Out);
        break;
    case "latency":
        LatencyReport.Run(kbDirectory, evalFile, Console.Out);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(KbQueryBenchmarks).Assembly).Run(args, BenchConfig.Create());
        break;
}
