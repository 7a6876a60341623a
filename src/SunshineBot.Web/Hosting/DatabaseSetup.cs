using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SunshineBot.Data;

namespace SunshineBot.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary><c>Database:Provider</c> (Sqlite | Postgres) and <c>Database:ConnectionString</c>.</summary>
    public static IHostApplicationBuilder AddSunshineDatabase(this IHostApplicationBuilder builder)
    {
        var options = StartupOptions.Bind<DatabaseOptions>(builder.Configuration, DatabaseOptions.Section, Validate);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSunshineData(options, builder.Environment.ContentRootPath);
        return builder;
    }

    private static IEnumerable<string> Validate(DatabaseOptions o)
    {
        if (!Enum.IsDefined(o.Provider))
        {
            yield return "Database:Provider must be Sqlite or Postgres";
        }

        if (string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            yield return "Database:ConnectionString is empty";
        }
    }
}

/// <summary>/healthz: the process is up and the database answers.</summary>
internal sealed class DatabaseHealthCheck(SunshineDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
