namespace SunshineBot.Web.Hosting;

/// <summary>
/// Binds an options section at start-up and stops the host with one clear message listing every bad value,
/// before anything is listening.
/// </summary>
public static class StartupOptions
{
    public static T Bind<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate)
        where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidConfigurationException($"Configuration section '{section}' is invalid: {e.Message}", e);
        }

        var errors = validate(options).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException($"Configuration is invalid: {string.Join("; ", errors)}");
        }

        return options;
    }
}

public sealed class InvalidConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
