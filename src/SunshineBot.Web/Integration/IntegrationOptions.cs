using System.Text.RegularExpressions;

namespace SunshineBot.Web.Integration;

/// <summary>One platform under <c>Integrations:{name}</c>: the shared secret and where its events go.</summary>
public sealed class IntegrationPlatform
{
    /// <summary>The shared secret both sides sign with (HMAC-SHA256); at least 16 characters.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Where outbound events are posted; empty for a platform that only sends tickets in.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Events of every ticket, not only those the platform filed (a supervising platform).</summary>
    public bool AllTickets { get; set; }
}

/// <summary>The configured platforms, by name (case-insensitive, as configuration keys are).</summary>
public sealed partial class IntegrationPlatforms
{
    public const string Section = "Integrations";

    private readonly Dictionary<string, IntegrationPlatform> _byName;

    public IntegrationPlatforms(IReadOnlyDictionary<string, IntegrationPlatform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        _byName = new Dictionary<string, IntegrationPlatform>(platforms, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The platform's name as configured, and the platform; null when unknown.</summary>
    public (string Name, IntegrationPlatform Platform)? Find(string? name)
    {
        if (name is null || !_byName.TryGetValue(name, out var platform))
        {
            return null;
        }

        return (_byName.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)), platform);
    }

    /// <summary>The platforms that receive the events of a ticket filed by <paramref name="source"/> (null: not from a platform).</summary>
    public IEnumerable<string> ReceiversOf(string? source) =>
        _byName.Where(p => p.Value.WebhookUrl.Length > 0 && (p.Value.AllTickets || string.Equals(p.Key, source, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Key);

    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, IntegrationPlatform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        foreach (var (name, platform) in platforms)
        {
            if (!NamePattern().IsMatch(name))
            {
                yield return $"Integrations:{name}: the name must be 1 to 32 letters, digits, '-' or '_'";
            }

            if (platform.Secret.Length < 16)
            {
                yield return $"Integrations:{name}:Secret must be at least 16 characters";
            }

            if (platform.WebhookUrl.Length > 0
                && !(Uri.TryCreate(platform.WebhookUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            {
                yield return $"Integrations:{name}:WebhookUrl must be an absolute http(s) address";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary><c>IntegrationDelivery</c>: how inbound requests are limited and outbound events retried.</summary>
public sealed class IntegrationDeliveryOptions
{
    public const string Section = "IntegrationDelivery";

    /// <summary>Timestamps further than this from our clock are refused (replays, wrong clocks).</summary>
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromSeconds(300);

    /// <summary>The largest inbound request body, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public int MaxAttempts { get; set; } = 10;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<string> Validate()
    {
        if (MaxBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            yield return "IntegrationDelivery:MaxBodyBytes must be between 1024 and 4194304";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return "IntegrationDelivery:MaxAttempts must be between 1 and 100";
        }

        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay || PollInterval <= TimeSpan.Zero || ClaimTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            yield return "IntegrationDelivery: BaseDelay, PollInterval, ClaimTimeout and RequestTimeout must be positive and MaxDelay at least BaseDelay";
        }
    }
}
