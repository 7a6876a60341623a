using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Api;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Integration;

public static class IntegrationSetup
{
    /// <summary>
    /// Other platforms (the 12345 hotline): <c>Integrations:{name}</c> sections with <c>Secret</c> and <c>WebhookUrl</c>,
    /// delivery settings under <c>IntegrationDelivery</c>. With no platform configured the endpoint refuses every request
    /// and no event is written.
    /// </summary>
    public static IHostApplicationBuilder AddIntegration(this IHostApplicationBuilder builder)
    {
        var platforms = StartupOptions.Bind<Dictionary<string, IntegrationPlatform>>(builder.Configuration, IntegrationPlatforms.Section, IntegrationPlatforms.Validate);
        var delivery = StartupOptions.Bind<IntegrationDeliveryOptions>(builder.Configuration, IntegrationDeliveryOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.AddSingleton(new IntegrationPlatforms(platforms));
        services.AddSingleton(delivery);
        services.AddSingleton<IntegrationSignal>();
        services.AddSingleton<IInterceptor, IntegrationEvents>();
        services.AddScoped<ReceiveIntegrationTicket>();
        services.AddScoped<ReplayDeliveries>();
        services.AddHttpClient<IntegrationSender>(IntegrationSender.ClientName);
        services.AddSingleton<IntegrationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrationDispatcher>());
        return builder;
    }

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder app)
    {
        app.MapIntegrationTickets();
        var api = app.MapGroup("/api/staff/integration").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>().RequireAuthorization(StaffClaims.ApiPolicy);
        api.UseStaffApiResponses();
        api.MapGet("/deliveries", async (string? status, ClaimsPrincipal user, StaffAccess access, ReplayDeliveries deliveries, CancellationToken ct) =>
        {
            var wanted = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : OutboxStatus.Failed;
            return TypedResults.Ok(await deliveries.ListAsync(await access.RequireAsync(user, ct), wanted, ct));
        });
        api.MapPost("/deliveries/{id:long}/replay", async (long id, ClaimsPrincipal user, StaffAccess access, ReplayDeliveries deliveries, CancellationToken ct) =>
            await deliveries.ReplayAsync(await access.RequireAsync(user, ct), id, ct)
                ? Results.NoContent()
                : StaffProblemFilter.Problem(404, "未找到", "没有这条发送失败的推送（可能已经重新发送）。"));
        api.MapPost("/deliveries/replay", async (ClaimsPrincipal user, StaffAccess access, ReplayDeliveries deliveries, CancellationToken ct) =>
            TypedResults.Ok(new { replayed = await deliveries.ReplayAllAsync(await access.RequireAsync(user, ct), ct) }));
        return app;
    }
}
