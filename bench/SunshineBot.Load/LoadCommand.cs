using System.Globalization;

namespace SunshineBot.Load;

/// <summary>
/// <c>run</c>: starts the fake WeChat API, the baseline and the product, runs every scenario against both (warm-up
/// first), prints one table with the product/baseline ratio, and checks that deferred replies reached the fake API.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var product = options.Get("product") ?? throw new ArgumentException("--product PATH/SunshineBot.Web.dll is required");
        var connections = options.GetInt("connections", 200);
        var followers = options.GetInt("followers", 200);
        var duration = TimeSpan.FromSeconds(options.GetInt("duration", 15));
        // Long enough for tiered compilation to settle: on 2 busy cores the JIT was still at half the product's CPU after 30 s.
        var warmup = TimeSpan.FromSeconds(options.GetInt("warmup", 30));
        var scenarios = options.Get("scenarios", "faq-plain,faq-safe,intake-plain,intake-safe,webchat").Split(',');
        var only = options.Get("only");
        var work = Directory.CreateTempSubdirectory("sunshine-load-");
        var traffic = new Traffic();
        await using var api = await FakeWeChatApi.StartAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load {ProcessWatch.LoadAverage()}, "
            + $"{connections} connections, {followers} followers, {duration.TotalSeconds:F0} s per run (+{warmup.TotalSeconds:F0} s warm-up), work dir {work.FullName}"));

        var results = new List<RunResult>();
        if (only != "product")
        {
            await using var baseline = await TargetProcess.StartAsync("baseline", typeof(LoadCommand).Assembly.Location, ["baseline"],
                new Dictionary<string, string>(StringComparer.Ordinal), Path.Combine(work.FullName, "baseline.log"));
            results.AddRange(await RunAllAsync(baseline, scenarios, followers, traffic, connections, duration, warmup, null));
        }

        if (only != "baseline")
        {
            await using var target = await TargetProcess.StartAsync("product", product, ["--contentRoot", Path.GetDirectoryName(Path.GetFullPath(product))!],
                ProductEnvironment(options, work.FullName, api.BaseUrl), Path.Combine(work.FullName, "product.log"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"product pid {target.Pid} at {target.Url}"));
            results.AddRange(await RunAllAsync(target, scenarios, followers, traffic, connections, duration, warmup, api));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"product RSS at the end: {ProcessWatch.RssKb(target.Pid) / 1024} MB; fake WeChat API: {api.Sends} messages, {api.TokenFetches} token fetches"));
        }

        Print(results);
        return 0;
    }

    private static async Task<List<RunResult>> RunAllAsync(
        TargetProcess target, string[] scenarios, int followers, Traffic traffic, int connections, TimeSpan duration, TimeSpan warmup, FakeWeChatApi? api)
    {
        var results = new List<RunResult>();
        foreach (var name in scenarios)
        {
            if (warmup > TimeSpan.Zero)
            {
                await Runner.RunAsync(Scenario.Create(name, followers), target, traffic, connections, warmup);
            }

            var result = await Runner.RunAsync(Scenario.Create(name, followers), target, traffic, connections, duration);
            Console.WriteLine(Runner.Row(result));
            foreach (var failure in result.Failures)
            {
                Console.WriteLine("    e.g. " + failure);
            }

            if (api is not null && result.DeferredTo.Count > 0)
            {
                Console.WriteLine("    " + await DeferredDeliveryAsync(api, result.DeferredTo));
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>Waits (up to a minute) until every parent answered "success" got a message through the API.</summary>
    private static async Task<string> DeferredDeliveryAsync(FakeWeChatApi api, IReadOnlyList<string> deferredTo)
    {
        var wanted = deferredTo.Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < 120 && wanted.Any(o => !api.SentTo.ContainsKey(o)); i++)
        {
            await Task.Delay(500);
        }

        var missing = wanted.Count(o => !api.SentTo.ContainsKey(o));
        return string.Create(CultureInfo.InvariantCulture, $"deferred answers: {deferredTo.Count} to {wanted.Count} parents; {wanted.Count - missing} reached through the outbox, {missing} missing");
    }

    private static Dictionary<string, string> ProductEnvironment(LoadOptions options, string work, string apiBaseUrl)
    {
        var provider = options.Get("provider", "Sqlite");
        var env = Traffic.ProductSettings(apiBaseUrl);
        env["Database__Provider"] = provider;
        env["Database__ConnectionString"] = provider == "Postgres"
            ? options.Get("database") ?? throw new ArgumentException("--database is required with --provider Postgres")
            : $"Data Source={Path.Combine(work, "sunshine.db")}";
        env["Bootstrap__AdminPassword"] = "Load-Admin-Pass-1";
        env["Knowledge__Path"] = options.Get("kb") ?? FindKb();
        env["DataProtection__KeysPath"] = Path.Combine(work, "keys");
        env["Chat__UploadPath"] = Path.Combine(work, "uploads");
        // One load generator plays thousands of parents: the per-device limit would measure the limiter.
        env["Chat__MessagesPerMinute"] = "1000000";
        env["Security__RequestsPerIpPerMinute"] = "1000000";
        env["Security__MessagesPerOpenIdPerMinute"] = "1000000";
        foreach (var setting in options.Settings)
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            env[setting[..eq].Replace(":", "__", StringComparison.Ordinal)] = setting[(eq + 1)..];
        }

        return env;
    }

    private static string FindKb()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SunshineBot.sln")))
            {
                return Path.Combine(dir.FullName, "kb");
            }
        }

        throw new InvalidOperationException("kb/ not found; pass --kb");
    }

    private static void Print(List<RunResult> results)
    {
        Console.WriteLine();
        Console.WriteLine(Runner.Header);
        foreach (var r in results)
        {
            Console.WriteLine(Runner.Row(r));
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | product/baseline msgs/s | product/baseline CPU per msg |");
        Console.WriteLine("|---|---|---|");
        foreach (var group in results.GroupBy(r => r.Scenario))
        {
            var b = group.FirstOrDefault(r => r.Target == "baseline");
            var p = group.FirstOrDefault(r => r.Target == "product");
            if (b is not null && p is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {100 * p.MessagesPerSecond / b.MessagesPerSecond:F1} % | {p.CpuMsPerMessage / b.CpuMsPerMessage:F0}× |"));
            }
        }
    }
}
