using System.Security.Claims;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Staff;

/// <summary>Images the pages show: unit stamps and ticket attachments, each only within the caller's scope.</summary>
public static class StaffFileEndpoints
{
    public static IEndpointRouteBuilder MapStaffFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/staff/files").RequireAuthorization(StaffClaims.PagesPolicy).RequireRateLimiting(Security.RateLimits.StaffPolicy).ExcludeFromDescription();
        files.MapGet("/stamps/{code}", async (string code, ClaimsPrincipal user, StaffAccess access, StampStore stamps, CancellationToken ct) =>
        {
            var member = await access.FindAsync(user, ct);
            if (member is null)
            {
                return Results.Unauthorized();
            }

            try
            {
                return await stamps.FindAsync(member, code, ct) is { } file ? Results.File(file.Path, file.ContentType) : Results.NotFound();
            }
            catch (StaffNotFoundException)
            {
                return Results.NotFound();
            }
        });
        files.MapGet("/tickets/{number}/attachments/{id:long}", async (string number, long id, ClaimsPrincipal user, StaffAccess access, IConfiguration configuration, IHostEnvironment env, CancellationToken ct) =>
        {
            var member = await access.FindAsync(user, ct);
            if (member is null)
            {
                return Results.Unauthorized();
            }

            try
            {
                return await FindAttachmentAsync(member, number, id, access, configuration, env, ct) is { } file
                    ? Results.File(file.Path, file.ContentType)
                    : Results.NotFound();
            }
            catch (StaffNotFoundException)
            {
                return Results.NotFound();
            }
        });
        return app;
    }

    /// <summary>
    /// The file of one attachment of a ticket in the caller's scope (404 outside it), or null when it is not there.
    /// Attachments are the parents' photos, stored by the chat under Chat:UploadPath with keys relative to it.
    /// </summary>
    public static async Task<(string Path, string ContentType)?> FindAttachmentAsync(
        StaffMember member, string number, long id, StaffAccess access, IConfiguration configuration, IHostEnvironment env, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(env);
        var ticket = await access.LoadTicketAsync(member, number, ct);
        var attachment = ticket.Attachments.FirstOrDefault(a => a.Id == id);
        var folder = Path.GetFullPath(configuration["Chat:UploadPath"] is { Length: > 0 } p ? p : "data/uploads", env.ContentRootPath);
        var path = attachment is null ? null : Path.GetFullPath(Path.Combine(folder, attachment.StorageKey));
        return path is not null && path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
            ? (path, attachment!.ContentType)
            : null;
    }
}
