using Microsoft.Extensions.Configuration;

namespace SunshineBot.Cli;

/// <summary>
/// The same configuration keys as the web host: <c>appsettings.json</c> (beside the binary, then in the current
/// directory), then environment variables (<c>Database__ConnectionString</c> ...). Relative paths resolve against the
/// current directory, as the web host resolves them against its content root.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(string? contentRoot = null)
    {
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
