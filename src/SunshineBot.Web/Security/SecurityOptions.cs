namespace SunshineBot.Web.Security;

/// <summary>Configuration section <c>Security</c>: response headers, the proxy in front, and the rate limits.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>HSTS max-age, sent on HTTPS responses outside Development (0: no HSTS header).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>
    /// Behind a TLS-terminating reverse proxy on loopback (nginx, deploy/): believe its X-Forwarded-For and
    /// X-Forwarded-Proto, so HSTS, secure cookies and the per-IP limit see the client's scheme and address.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Further proxy addresses to trust besides loopback, when <see cref="TrustForwardedHeaders"/> is on.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Requests one client address may make per minute to the chat, the webhook and the staff API and pages.</summary>
    public int RequestsPerIpPerMinute { get; set; } = 600;

    /// <summary>Messages one WeChat user (OpenID) may send per minute; more get a polite passive text reply.</summary>
    public int MessagesPerOpenIdPerMinute { get; set; } = 20;

    /// <summary>Requests one staff account may make per minute to the staff pages and API.</summary>
    public int RequestsPerStaffAccountPerMinute { get; set; } = 300;

    /// <summary>Sign-in attempts (pages and token endpoint) one client address may make per minute.</summary>
    public int SignInsPerIpPerMinute { get; set; } = 10;

    public IEnumerable<string> Validate()
    {
        if (HstsMaxAgeDays is < 0 or > 3650)
        {
            yield return "Security:HstsMaxAgeDays must be between 0 and 3650";
        }

        foreach (var (name, value) in new[]
        {
            ("RequestsPerIpPerMinute", RequestsPerIpPerMinute), ("MessagesPerOpenIdPerMinute", MessagesPerOpenIdPerMinute),
            ("RequestsPerStaffAccountPerMinute", RequestsPerStaffAccountPerMinute), ("SignInsPerIpPerMinute", SignInsPerIpPerMinute),
        })
        {
            if (value is < 1 or > 1_000_000)
            {
                yield return $"Security:{name} must be between 1 and 1000000";
            }
        }

        foreach (var proxy in KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                yield return $"Security:KnownProxies: '{proxy}' is not an IP address";
            }
        }
    }
}
