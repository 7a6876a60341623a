using System.Globalization;

namespace SunshineBot.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only our own scripts and styles (no inline script,
/// no inline style attribute: the pages carry none), no framing, no referrer (staff URLs name tickets and the chat's
/// link carries a token), no MIME sniffing, and HSTS on HTTPS outside Development.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, SecurityOptions options, bool development)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hsts = options.HstsMaxAgeDays > 0 && !development
            ? "max-age=" + ((long)options.HstsMaxAgeDays * 86400).ToString(CultureInfo.InvariantCulture) + "; includeSubDomains"
            : null;
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (hsts is not null && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = hsts;
            }

            return next(context);
        });
    }
}
