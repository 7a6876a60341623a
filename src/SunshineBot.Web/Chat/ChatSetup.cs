using System.Threading.RateLimiting;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.Chat;

public static class ChatSetup
{
    /// <summary>The web chat: its adapter (the API), its sender, the photo store, links into it and its rate limit.</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        var chat = StartupOptions.Bind<ChatOptions>(builder.Configuration, ChatOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.AddSingleton(chat);
        services.AddSingleton<DeviceIdentity>();
        services.AddSingleton<ChatLinks>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<IParentSender, WebChatSender>();
        services.AddScoped<ReadConversation>();
        services.AddScoped<FindChatFile>();

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
