using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Staff.Api;

public sealed record CorrectBody(
    [property: JsonConverter(typeof(JsonStringEnumConverter<TicketKind>))] TicketKind? Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Severity>))] Severity? Severity,
    [property: JsonConverter(typeof(JsonStringEnumConverter<TicketCategory>))] TicketCategory? Category,
    string? Reason);

public sealed record LimitBody(int? Hours, int? WorkingDays, string? Note);

public sealed record FlagBody([property: JsonConverter(typeof(JsonStringEnumConverter<CaseFlag>))] CaseFlag? Flag, int? WorkingDays, bool? OnSiteVisit, string? Note);

/// <summary>The handling steps under <c>/api/staff/tickets/{number}</c>: routes to <see cref="TakeHandlingStep"/>.</summary>
public static class StaffHandlingEndpoints
{
    public static IEndpointRouteBuilder MapStaffHandlingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/tickets/{number}").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>().RequireAuthorization(StaffClaims.ApiPolicy);
        api.UseStaffApiResponses();
        Map<TextBody>(api, "/acknowledge", b => new(TicketAction.Acknowledge, b?.Text));
        Map<ReasonBody>(api, "/hand-back", b => new(TicketAction.HandBack, b?.Reason));
        Map<CorrectBody>(api, "/correct", b => new(TicketAction.CorrectIntake, b?.Reason, b?.Kind, b?.Severity, b?.Category));
        Map<LimitBody>(api, "/limit", b => new(TicketAction.SetLimit, b?.Note, Hours: b?.Hours, WorkingDays: b?.WorkingDays));
        Map<FlagBody>(api, "/flag", b => new(TicketAction.FlagCase, b?.Note, WorkingDays: b?.WorkingDays, Flag: b?.Flag, OnSiteVisit: b?.OnSiteVisit ?? false));
        Map<TextBody>(api, "/visit", b => new(TicketAction.RecordVisit, b?.Text));
        api.MapPost("/ask-parent", async (string number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TextBody? body, ClaimsPrincipal user, StaffAccess access, AskParentForInformation ask, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await ask.RunAsync(member, number, body?.Text, ct);
            return TypedResults.Ok(TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });
        return app;
    }

    private static void Map<TBody>(RouteGroupBuilder api, string path, Func<TBody?, HandlingCommand> command)
        where TBody : class =>
        api.MapPost(path, async (string number, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TBody? body, ClaimsPrincipal user, StaffAccess access, TakeHandlingStep step, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await step.RunAsync(member, number, command(body), ct);
            return TypedResults.Ok(TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });
}
