using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Api;
using SunshineBot.Web.Staff.Auth;

namespace SunshineBot.Web.WeChat;

/// <summary><c>GET /api/staff/outbox?status=Failed</c>: what could not be sent and why (centre admins; no message text).</summary>
public static class OutboxStaffEndpoint
{
    public sealed record OutboxItem(long Id, string Channel, string Recipient, string Kind, string Route, string Status, int Attempts,
        string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? SourceRef);

    public static IEndpointRouteBuilder MapOutboxForStaff(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/staff").AddEndpointFilter<StaffProblemFilter>().RequireAuthorization(StaffClaims.ApiPolicy).RequireRateLimiting(Security.RateLimits.StaffPolicy)
            .MapGet("/outbox", async (string? status, ClaimsPrincipal user, StaffAccess access, SunshineDbContext db, CancellationToken ct) =>
            {
                StaffPermissions.DemandAdmin(await access.RequireAsync(user, ct));
                var wanted = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) ? s : OutboxStatus.Failed;
                var rows = await db.Outbox.AsNoTracking().Where(o => o.Status == wanted).OrderByDescending(o => o.Id).Take(200).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(o => new OutboxItem(
                    o.Id, o.Channel, Mask(o.Recipient), o.Kind.ToString(), o.Route.ToString(), o.Status.ToString(), o.Attempts,
                    o.LastError, o.CreatedAt, o.SentAt, o.NextAttemptAt, o.SourceRef)).ToList());
            });
        return app;
    }

    private static string Mask(string openId) => openId.Length <= 8 ? "****" : openId[..4] + "****" + openId[^4..];
}
