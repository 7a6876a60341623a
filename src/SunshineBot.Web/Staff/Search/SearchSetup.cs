using Microsoft.Extensions.Options;
using SunshineBot.Web.Hosting;

namespace SunshineBot.Web.Staff.Search;

public static class SearchSetup
{
    /// <summary>This instance's ticket index, its catch-up loop, staff search and similar complaints; options from <c>Search</c>.</summary>
    public static IHostApplicationBuilder AddTicketSearch(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<TicketSearchOptions>(builder.Configuration, TicketSearchOptions.Section, o => o.Validate());
        var knowledge = builder.Configuration.GetSection(KnowledgeOptions.Section).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        var kbPath = Path.GetFullPath(knowledge.Path, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(new TicketAnalysis(kbPath));
        services.AddSingleton<TicketIndex>();
        services.AddHostedService<TicketIndexCatchUp>();
        services.AddScoped<SearchTickets>();
        services.AddScoped<FindSimilarTickets>();
        return builder;
    }
}
