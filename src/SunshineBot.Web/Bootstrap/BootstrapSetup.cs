using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Staff;
using SunshineBot.Web.Hosting;

namespace SunshineBot.Web.Bootstrap;

public static class BootstrapSetup
{
    public static IHostApplicationBuilder AddBootstrap(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<BootstrapOptions>(builder.Configuration, BootstrapOptions.Section, Validate);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddScoped<SeedDemoUnits>();
        builder.Services.AddScoped<CreateFirstAdmin>();
        return builder;
    }

    /// <summary>Creates or upgrades the schema, seeds the demo units and the first admin. Runs before the host listens.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<Data.Schema.SchemaMigrator>();
        var applied = await migrator.MigrateAsync(app.Lifetime.ApplicationStopping);
        if (applied.Count > 0)
        {
            app.Logger.LogInformation("Database schema brought to version {Version}", applied[^1]);
        }

        await scope.ServiceProvider.GetRequiredService<SeedDemoUnits>().RunAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<CreateFirstAdmin>().RunAsync(app.Lifetime.ApplicationStopping);
    }

    private static IEnumerable<string> Validate(BootstrapOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.AdminUser))
        {
            yield return "Bootstrap:AdminUser is empty";
        }

        if (o.AdminPassword is { Length: > 0 and < 8 })
        {
            yield return "Bootstrap:AdminPassword must be at least 8 characters";
        }
    }
}
