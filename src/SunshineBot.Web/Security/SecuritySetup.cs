using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SunshineBot.Web.Hosting;

namespace SunshineBot.Web.Security;

public static class SecuritySetup
{
    /// <summary>
    /// Options from <c>Security</c>, the rate limits, the trusted proxy, and in Production the refusal to start with
    /// demo or empty secrets.
    /// </summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<SecurityOptions>(builder.Configuration, SecurityOptions.Section, o => o.Validate());
        if (builder.Environment.IsProduction() && ProductionSecrets.Problems(builder.Configuration).ToList() is { Count: > 0 } problems)
        {
            throw new InvalidConfigurationException($"Refusing to start in Production: {string.Join("; ", problems)}");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSunshineRateLimits(options);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline: the client's real scheme and address, then the headers on every response.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<SecurityOptions>();
        if (options.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(options, app.Environment.IsDevelopment());
        return app;
    }
}
