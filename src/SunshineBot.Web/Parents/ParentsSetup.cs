using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Flows;
using SunshineBot.Conversations.Services;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Parents;

public static class ParentsSetup
{
    /// <summary>
    /// The parent pipeline every channel shares: the conversation engine with its flows and services, turns,
    /// messages outside a turn, and the reply notifier. Channels add their adapter and an <see cref="IParentSender"/>.
    /// </summary>
    public static IHostApplicationBuilder AddParents(this IHostApplicationBuilder builder)
    {
        var conversations = StartupOptions.Bind<ConversationOptions>(builder.Configuration, ConversationOptions.Section,
            o => o.FormExpiry < TimeSpan.FromMinutes(1) ? ["Conversations:FormExpiry must be at least one minute"] : []);
        var services = builder.Services;
        services.AddSingleton(conversations);
        services.AddSingleton<ConversationSignal>();
        services.AddScoped<IKnowledgeAnswers, KnowledgeAnswers>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<ITicketDesk, TicketDesk>();
        services.AddScoped(sp => new ConversationServices(
            sp.GetRequiredService<IKnowledgeAnswers>(), sp.GetRequiredService<ITicketDesk>(), sp.GetRequiredService<IUnitDirectory>(), conversations));
        services.AddScoped(sp => new ConversationEngine(AllFlows.Create(), sp.GetRequiredService<ConversationServices>()));
        services.AddScoped<ParentConversations>();
        services.AddScoped<ParentSenders>();
        services.AddScoped<ParentTurns>();
        services.AddScoped<ParentMessenger>();
        services.AddScoped<IParentNotifier, ParentReplyNotifier>();
        return builder;
    }
}
