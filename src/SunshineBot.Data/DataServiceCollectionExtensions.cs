using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Data.Privacy;
using SunshineBot.Data.Schema;
using SunshineBot.Data.Tickets;

namespace SunshineBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext for the configured provider, the schema migrator and the numbering.</summary>
    public static IServiceCollection AddSunshineData(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        var connectionString = ResolveConnectionString(options, contentRoot);
        // Interceptors registered by the features (integration events written with the change that caused them).
        services.AddDbContext<SunshineDbContext>((sp, o) =>
        {
            Configure(o, options.Provider, connectionString);
            // The host registers the key ring that seals complainants' names and phones (Privacy/ContactProtection.cs).
            if (sp.GetService<Privacy.ContactProtection>() is { } contacts)
            {
                o.UseContactProtection(contacts);
            }

            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddScoped<SchemaMigrator>(sp => new SchemaMigrator(sp.GetRequiredService<SunshineDbContext>()));
        services.AddScoped<TicketNumberGenerator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            o.UseNpgsql(connectionString);
        }
        else
        {
            o.UseSqlite(connectionString);
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                o.AddInterceptors(SqliteWriteGate.For(Path.GetFullPath(file)));
            }
        }
    }

    /// <summary>
    /// For SQLite, a relative file name is taken from <paramref name="contentRoot"/> and its folder is created,
    /// so the default <c>data/sunshine.db</c> works from a clean checkout.
    /// </summary>
    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return builder.ConnectionString;
        }

        var full = Path.GetFullPath(source, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        builder.DataSource = full;
        return builder.ConnectionString;
    }
}
