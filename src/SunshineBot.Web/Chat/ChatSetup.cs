using System.Threading.RateLimiting;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Flows;
using SunshineBot.Conversations.Services;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Chat;

public static class ChatSetup
{
    /// <summary>The conversation engine with its flows, the web chat's services and its rate limit.</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        var chat = StartupOptions.Bind<ChatOptions>(builder.Configuration, ChatOptions.Section, o => o.Validate());
        var conversations = StartupOptions.Bind<ConversationOptions>(builder.Configuration, ConversationOptions.Section,
            o => o.FormExpiry < TimeSpan.FromMinutes(1) ? ["Conversations:FormExpiry must be at least one minute"] : []);
        var services = builder.Services;
        services.AddSingleton(chat);
        services.AddSingleton(conversations);
        services.AddSingleton<ChatSignal>();
        services.AddSingleton<DeviceIdentity>();
        services.AddSingleton<WeChatChatLinks>();
        services.AddSingleton<ImageStore>();
        services.AddScoped<IKnowledgeAnswers, KnowledgeAnswers>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<ITicketDesk, TicketDesk>();
        services.AddScoped(sp => new ConversationServices(
            sp.GetRequiredService<IKnowledgeAnswers>(), sp.GetRequiredService<ITicketDesk>(), sp.GetRequiredService<IUnitDirectory>(), conversations));
        services.AddScoped(sp => new ConversationEngine(AllFlows.Create(), sp.GetRequiredService<ConversationServices>()));
        services.AddScoped<ChatService>();
        services.AddScoped<IParentNotifier, ChatParentNotifier>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { title = "您发得太快了，请稍等一会儿再发。", status = 429 }, ct);
            o.AddPolicy(ChatEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Cookies.TryGetValue(DeviceIdentity.CookieName, out var device) ? device : http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = chat.MessagesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
