using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SunshineBot.WeChat;
using SunshineBot.WeChat.Security;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.Security;

/// <summary>
/// The rate limits besides the web chat's per-device one (<c>Chat:MessagesPerMinute</c>): per client address on
/// everything that is not a static file, per WeChat OpenID on the webhook, per staff account on the staff pages and
/// API, and per client address on sign-in. Fixed one-minute windows, no queueing; each limit is a
/// <see cref="SecurityOptions"/> key. The answers are in <see cref="RateLimitRejection"/>.
/// </summary>
public static class RateLimits
{
    public const string WeChatPolicy = "wechat-openid";
    public const string StaffPolicy = "staff-account";
    public const string SignInPolicy = "staff-sign-in";

    public static IServiceCollection AddSunshineRateLimits(this IServiceCollection services, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Not the webhook (WeChat's servers post from a few addresses for every parent: the OpenID limit is its
            // own) and not the health check (load balancers).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/wechat", StringComparison.OrdinalIgnoreCase) || http.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("")
                    : PerMinute("ip:" + ClientAddress(http), options.RequestsPerIpPerMinute));
            o.AddPolicy(WeChatPolicy, http => OpenIdOf(http) is { } openId
                ? PerMinute("openid:" + openId, options.MessagesPerOpenIdPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(StaffPolicy, http => http.User.FindFirstValue(StaffClaims.UserId) is { } id
                ? PerMinute("staff:" + id, options.RequestsPerStaffAccountPerMinute)
                : PerMinute("staff-ip:" + ClientAddress(http), options.RequestsPerStaffAccountPerMinute));
            o.AddPolicy(SignInPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? PerMinute("sign-in:" + ClientAddress(http), options.SignInsPerIpPerMinute)
                : RateLimitPartition.GetNoLimiter(""));

            // The chat registers its own answer first; everything else is answered here.
            var chat = o.OnRejected;
            o.OnRejected = (context, ct) => RateLimitRejection.WriteAsync(context, chat, ct);
        });
        return services;
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The <c>openid</c> WeChat puts in the webhook's query, believed only when the query's own signature verifies:
    /// a forged request naming someone else's OpenID must not use up that parent's allowance.
    /// </summary>
    private static string? OpenIdOf(HttpContext http)
    {
        var q = http.Request.Query;
        var token = http.RequestServices.GetService<WeChatOptions>()?.Token;
        if (token is null || q["openid"] is not [{ Length: > 0 and <= 64 } openId])
        {
            return null;
        }

        return WeChatSignature.VerifyUrlSignature(token, q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["signature"].FirstOrDefault())
            ? openId
            : null;
    }

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
