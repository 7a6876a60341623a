using SunshineBot.Knowledge;

namespace SunshineBot.Web.Hosting;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The knowledge-base folder; relative paths resolve against the content root.</summary>
    public string Path { get; set; } = "kb";
}

public static class KnowledgeSetup
{
    /// <summary>
    /// The knowledge base from <c>Knowledge:Path</c>, one per process. The index is built before the host listens
    /// (<see cref="BuildKnowledgeIndex"/>); rebuilds swap it without downtime.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<KnowledgeOptions>(builder.Configuration, KnowledgeOptions.Section, Validate);
        var path = System.IO.Path.GetFullPath(options.Path, builder.Environment.ContentRootPath);
        if (!Directory.Exists(path))
        {
            throw new InvalidConfigurationException($"Knowledge:Path: the knowledge-base folder {path} does not exist");
        }

        builder.Services.AddSingleton<Knowledge.KbAnswerLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Knowledge.KbAnswerLogWriter>());
        builder.Services.AddSingleton(sp => new KnowledgeBase(
            new KnowledgeBaseOptions { Path = path },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Knowledge.KbAnswerLogWriter>()));
        return builder;
    }

    public static void BuildKnowledgeIndex(this WebApplication app)
    {
        var report = app.Services.GetRequiredService<KnowledgeBase>().LastBuild;
        app.Logger.LogInformation(
            "Knowledge base: {Entries} entries, {Policies} policies indexed in {Elapsed} ms ({Problems} problems)",
            report.EntryCount, report.PolicyCount, (int)report.Elapsed.TotalMilliseconds, report.LoadProblems.Count);
        foreach (var problem in report.LoadProblems.Take(20))
        {
            app.Logger.LogWarning("Knowledge base: {Problem}", problem.ToString());
        }
    }

    private static IEnumerable<string> Validate(KnowledgeOptions o) =>
        string.IsNullOrWhiteSpace(o.Path) ? ["Knowledge:Path is empty"] : [];
}
