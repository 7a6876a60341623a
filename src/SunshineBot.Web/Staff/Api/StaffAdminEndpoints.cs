using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Units;
using SunshineBot.Web.Staff.Users;

namespace SunshineBot.Web.Staff.Api;

public sealed record AddUnitBody(string? ParentCode, string? Code, string? Name, [property: JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))] UnitKind? Kind, string? ContactPhone);

public sealed record RenameUnitBody(string? Name, string? ContactPhone);

public sealed record AddUserBody(string? UserName, string? DisplayName, string? Password, [property: JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))] StaffRole? Role, string? UnitCode);

public sealed record PasswordBody(string? Password);

public sealed record AssignBody([property: JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))] StaffRole? Role, string? UnitCode);

public sealed record OpenIdBody(string? OpenId);

/// <summary>An account as the API shows it (never its password hash).</summary>
public sealed record StaffUserDto(long Id, string UserName, string DisplayName, string Role, string RoleLabel, string UnitCode, bool Active, bool Locked, bool WeChatBound)
{
    public static StaffUserDto From(StaffUser u, DateTimeOffset now) => new(
        u.Id, u.UserName, u.DisplayName, u.Role.ToString(), StaffRoleLabels.Of(u.Role), u.UnitCode, u.Active, u.LockedUntil > now, u.WeChatOpenId is not null);
}

/// <summary>
/// Units (<c>/api/staff/units</c>: add, rename, deactivate, stamp upload) and accounts (<c>/api/staff/users</c>: list,
/// add, reset password, role and unit, enable, disable, WeChat OpenID): what the 单位 and 账号 pages do, centre admins
/// within their subtree, through the same use cases.
/// </summary>
public static class StaffAdminEndpoints
{
    public static IEndpointRouteBuilder MapStaffAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>()
            .RequireRateLimiting(Security.RateLimits.StaffPolicy).RequireAuthorization(StaffClaims.ApiPolicy);
        api.UseStaffApiResponses();
        MapUnits(api);
        MapUsers(api);
        return app;
    }

    private static void MapUnits(RouteGroupBuilder api)
    {
        api.MapPost("/units", async (AddUnitBody body, ClaimsPrincipal user, StaffAccess access, ManageUnits units, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var request = new AddUnitRequest(body.ParentCode ?? member.UnitCode, body.Code ?? "", body.Name ?? "", body.Kind ?? (UnitKind)(-1), body.ContactPhone);
            var unit = await units.AddAsync(member, request, ct);
            return TypedResults.Created($"/api/staff/units/{unit.Code}", UnitDto.From(unit));
        });
        api.MapPut("/units/{code}", async (string code, RenameUnitBody body, ClaimsPrincipal user, StaffAccess access, ManageUnits units, CancellationToken ct) =>
            TypedResults.Ok(UnitDto.From(await units.RenameAsync(await access.RequireAsync(user, ct), new RenameUnitRequest(code, body.Name ?? "", body.ContactPhone), ct))));
        api.MapPost("/units/{code}/deactivate", async (string code, ClaimsPrincipal user, StaffAccess access, ManageUnits units, CancellationToken ct) =>
        {
            await units.DeactivateAsync(await access.RequireAsync(user, ct), code, ct);
            return TypedResults.NoContent();
        });
        // The image is the raw body (Content-Type image/png or image/jpeg); what it is, is read from its bytes.
        api.MapPut("/units/{code}/stamp", async (string code, HttpRequest request, ClaimsPrincipal user, StaffAccess access, StampStore stamps, SunshineDbContext db, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            await stamps.UploadAsync(member, code, request.Body, ct);
            var key = (await access.LoadUnitAsync(member, code, ct)).Code;
            var unit = await access.Units(member).AsNoTracking().SingleAsync(u => u.Code == key, ct);
            return TypedResults.Ok(UnitDto.From(unit));
        }).AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // Described, not enforced: a wrong Content-Type must still meet the scope check first (404), and the bytes decide.
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Description = "公章图片（PNG 或 JPEG）原始字节",
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["image/png"] = new(), ["image/jpeg"] = new(),
                },
            };
            return Task.CompletedTask;
        });
        api.MapGet("/units/{code}/stamp", async (string code, ClaimsPrincipal user, StaffAccess access, StampStore stamps, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            return await stamps.FindAsync(member, code, ct) is { } file
                ? Results.File(file.Path, file.ContentType)
                : StaffProblemFilter.Problem(404, "未找到", "这个单位还没有上传公章图片。");
        }).Produces(200, contentType: "image/png", additionalContentTypes: ["image/jpeg"]);
    }

    private static void MapUsers(RouteGroupBuilder api)
    {
        api.MapGet("/users", async (ClaimsPrincipal user, StaffAccess access, ManageUsers users, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return TypedResults.Ok((await users.ListAsync(await access.RequireAsync(user, ct), ct)).Select(u => StaffUserDto.From(u, now)).ToList());
        });
        api.MapPost("/users", async (AddUserBody body, ClaimsPrincipal user, StaffAccess access, ManageUsers users, TimeProvider clock, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var role = body.Role ?? throw new DomainException("请选择角色（Handler、CentreAdmin、Leader 或 Viewer）。");
            var added = await users.AddAsync(member, new AddUserRequest(body.UserName ?? "", body.DisplayName ?? "", body.Password ?? "", role, body.UnitCode ?? ""), ct);
            return TypedResults.Created($"/api/staff/users/{added.Id}", StaffUserDto.From(added, clock.GetUtcNow()));
        });
        MapAccount<PasswordBody>(api, "/reset-password", (users, member, name, body, ct) => users.ResetPasswordAsync(member, name, body?.Password ?? "", ct));
        MapAccount<AssignBody>(api, "/assign", (users, member, name, body, ct) =>
            users.AssignAsync(member, name, body?.Role ?? throw new DomainException("请选择角色（Handler、CentreAdmin、Leader 或 Viewer）。"), body.UnitCode ?? "", ct));
        MapAccount<object>(api, "/enable", (users, member, name, _, ct) => users.EnableAsync(member, name, ct));
        MapAccount<object>(api, "/disable", (users, member, name, _, ct) => users.DisableAsync(member, name, ct));
        MapAccount<OpenIdBody>(api, "/wechat", (users, member, name, body, ct) => users.SetWeChatOpenIdAsync(member, name, body?.OpenId, ct));
    }

    // POST /api/staff/users/{id}{path}: the account is looked up by id within the caller's subtree (404 otherwise).
    private static void MapAccount<TBody>(RouteGroupBuilder api, string path, Func<ManageUsers, StaffMember, string, TBody?, CancellationToken, Task> act)
        where TBody : class =>
        api.MapPost("/users/{id:long}" + path, async (long id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TBody? body, ClaimsPrincipal user, StaffAccess access, ManageUsers users, SunshineDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            StaffPermissions.DemandAdmin(member);
            var name = await db.StaffUsers.AsNoTracking().Where(u => u.Id == id)
                .Join(access.Units(member), u => u.UnitCode, unit => unit.Code, (u, _) => u.UserName).SingleOrDefaultAsync(ct)
                ?? throw new StaffNotFoundException("未找到这个账号。");
            await act(users, member, name, body, ct);
            var after = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == id, ct);
            return TypedResults.Ok(StaffUserDto.From(after, clock.GetUtcNow()));
        });
}
