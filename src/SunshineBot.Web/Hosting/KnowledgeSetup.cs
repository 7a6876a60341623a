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
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<KnowledgeOptions>(builder.Configuration, KnowledgeOptions.Section,
            o => string.IsNullOrWhiteSpace(o.Path) ? ["Knowledge:Path is empty"] : []);
        options.Path = System.IO.Path.GetFullPath(options.Path, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        return builder;
    }
}
