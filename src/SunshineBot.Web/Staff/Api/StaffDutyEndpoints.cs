using System.Security.Claims;
using SunshineBot.Core.Calendar;
using SunshineBot.Web.Jobs;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Staff.Api;

/// <summary>A shift for each date: the unit (the account's own when empty), hours "HH:mm" (both empty: the whole day), phone.</summary>
public sealed record DutyBody(DateOnly? From, DateOnly? To, string? UserName, string? UnitCode, string? StartsAt, string? EndsAt, string? Phone, string? Note);

/// <summary>The caller's own unit's uncovered dates, every checked unit's, and the admins' warnings.</summary>
public sealed record DutyGapsDto(IReadOnlyList<DateOnly> Uncovered, IReadOnlyList<UnitDutyGaps> Units, IReadOnlyList<string> Warnings);

/// <param name="Superseded">An urgent alert replaced by a later one about the same ticket (dispatched again): nothing to acknowledge.</param>
public sealed record NotificationDto(long Id, string Kind, string? TicketNumber, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, bool Superseded);

/// <summary>
/// 值班表 (<c>/api/staff/duty</c>, centre admins), its gaps, the member's notifications, and 确认收到 of an urgent alert
/// (<c>POST /api/staff/tickets/{number}/urgent-ack</c>).
/// </summary>
public static class StaffDutyEndpoints
{
    public static IEndpointRouteBuilder MapStaffDutyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>().RequireAuthorization(StaffClaims.ApiPolicy);
        api.UseStaffApiResponses();
        api.MapGet("/duty", async (DateOnly? from, int? days, string? unit, ClaimsPrincipal user, StaffAccess access, ManageDutyRoster roster, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            return TypedResults.Ok(await roster.ListAsync(member, from ?? calendar.LocalDate(clock.GetUtcNow()), Math.Clamp(days ?? 31, 1, 366), ct, unit));
        });
        api.MapPost("/duty", async (DutyBody body, ClaimsPrincipal user, StaffAccess access, ManageDutyRoster roster, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var from = body.From ?? throw new Core.Tickets.DomainException("请填写值班开始日期。");
            var request = new DutyShiftRequest(from, body.To, body.UserName ?? "", body.UnitCode, body.StartsAt, body.EndsAt, body.Phone, body.Note);
            return TypedResults.Ok(new { added = await roster.AddAsync(member, request, ct) });
        });
        api.MapDelete("/duty/{id:long}", async (long id, ClaimsPrincipal user, StaffAccess access, ManageDutyRoster roster, CancellationToken ct) =>
        {
            await roster.RemoveAsync(await access.RequireAsync(user, ct), id, ct);
            return TypedResults.NoContent();
        });
        api.MapGet("/duty/gaps", async (ClaimsPrincipal user, StaffAccess access, DutyRosterGaps gaps, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            StaffPermissions.DemandAdmin(member);
            var today = calendar.LocalDate(clock.GetUtcNow());
            var units = await gaps.FindAsync(member, today, ct);
            var own = units.FirstOrDefault(u => u.UnitCode == member.UnitCode)?.Uncovered ?? [];
            return TypedResults.Ok(new DutyGapsDto(own, units, await gaps.WarningsAsync(member, today, ct)));
        });
        api.MapGet("/notifications", async (ClaimsPrincipal user, StaffAccess access, ListNotifications list, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var items = await list.ListAsync(member, 200, ct);
            var superseded = await list.SupersededAsync(items, ct);
            return TypedResults.Ok(items.Select(n => new NotificationDto(n.Id, n.Kind, n.TicketNumber, n.Text, n.CreatedAt, n.ReadAt, superseded.Contains(n.Id))).ToList());
        });
        api.MapPost("/tickets/{number}/urgent-ack", async (string number, ClaimsPrincipal user, StaffAccess access, AcknowledgeUrgentAlert ack, CancellationToken ct) =>
        {
            await ack.RunAsync(await access.RequireAsync(user, ct), number, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
