namespace SunshineBot.Testing;

/// <summary>
/// PostgreSQL and Chromium for the tests. Missing ones make their tests skip with a message, unless
/// SUNSHINE_REQUIRE_EXTERNAL=1 (set by .ci/run), which makes them fail instead.
/// </summary>
public static class ExternalResources
{
    public const string PostgresVariable = "SUNSHINE_TEST_POSTGRES";
    public const string ChromiumVariable = "SUNSHINE_TEST_CHROMIUM";
    public const string RequireVariable = "SUNSHINE_REQUIRE_EXTERNAL";

    /// <summary>The database the whole-host tests run on: Sqlite (default) or Postgres (.ci/run's second pass).</summary>
    public const string ProviderVariable = "SUNSHINE_TEST_PROVIDER";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>True when SUNSHINE_TEST_PROVIDER=Postgres: test hosts get a fresh PostgreSQL database instead of a SQLite file.</summary>
    public static bool HostsOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The providers the database tests run on: SQLite always, PostgreSQL when configured or required.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (PostgresConnectionString is not null || Required)
        {
            data.Add("Postgres");
        }

        return data;
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with a reason when it is not configured, failing when required.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ExternalResources.PostgresConnectionString is null && !ExternalResources.Required)
        {
            Skip = $"PostgreSQL not configured: set {ExternalResources.PostgresVariable} (CI's .ci/run does)";
        }
    }
}

/// <summary>A fact that needs Debian's Chromium: skipped with a reason when it is missing, failing when required.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string DefaultPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (ExecutablePath is null && !ExternalResources.Required)
        {
            Skip = $"Chromium not found: install Debian's chromium ({DefaultPath}) or set {ExternalResources.ChromiumVariable}";
        }
    }

    /// <summary>The browser to drive: SUNSHINE_TEST_CHROMIUM, else /usr/bin/chromium when it exists. Never a download.</summary>
    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable(ExternalResources.ChromiumVariable) is { Length: > 0 } path ? path
        : File.Exists(DefaultPath) ? DefaultPath : null;
}
