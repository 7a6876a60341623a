using Microsoft.Extensions.Options;
using SunshineBot.Data;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Parents;
using SunshineBot.WeChat;
using SunshineBot.WeChat.Api;
using SunshineBot.WeChat.Inbound;

namespace SunshineBot.Web.WeChat;

public static class WeChatSetup
{
    /// <summary>
    /// The WeChat channel: webhook protocol, API client, turn queue, outbox and its dispatcher. With no <c>WeChat</c>
    /// configuration nothing is registered (the endpoint answers 404, the web chat works); a configuration that is
    /// there but wrong stops start-up with every problem listed.
    /// </summary>
    public static IHostApplicationBuilder AddWeChat(this IHostApplicationBuilder builder)
    {
        var wechat = StartupOptions.Bind<WeChatOptions>(builder.Configuration, WeChatHostOptions.Section, o => o.Validate());
        var host = StartupOptions.Bind<WeChatHostOptions>(builder.Configuration, WeChatHostOptions.Section, o => o.Validate());
        if (!wechat.IsConfigured)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddSingleton(wechat);
        services.AddSingleton(host);
        services.AddSingleton(sp => new WeChatInboundProtocol(wechat, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccessTokenStore, DatabaseAccessTokenStore>();
        services.AddSingleton(AccessTokenLock);
        services.AddSingleton(sp => new WeChatAccessTokenCache(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IAccessTokenStore>(), sp.GetRequiredService<IAccessTokenLock>()));
        services.AddHttpClient<WeChatApiClient>();
        services.AddSingleton<WeChatRefusalLog>();
        services.AddSingleton<WeChatReplyReleases>();
        services.AddHostedService(sp => sp.GetRequiredService<WeChatReplyReleases>());
        services.AddSingleton<WeChatTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<WeChatTurnQueue>());
        services.AddScoped<WeChatTurnRunner>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<WeChatOutboxImages>();
        services.AddScoped<WeChatOutbox>();
        services.AddScoped<IParentSender, WeChatParentSender>();
        services.AddScoped<WeChatOutboxSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    /// <summary>
    /// One token refresh at a time: across instances on PostgreSQL (an advisory lock), within this process on SQLite
    /// (instances sharing a SQLite file still share the stored token, but may each refresh when it runs out).
    /// </summary>
    private static IAccessTokenLock AccessTokenLock(IServiceProvider sp)
    {
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return database.Provider == DatabaseProvider.Postgres
            ? new PostgresAccessTokenLock(database.ConnectionString)
            : new LocalAccessTokenLock();
    }

    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<WeChatInboundProtocol>() is null)
        {
            return app;
        }

        app.MapWeChatWebhook();
        app.MapOutboxForStaff();
        return app;
    }
}
