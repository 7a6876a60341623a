using System.Security.Claims;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Staff.Api;

/// <summary>The staff API under <c>/api/staff</c>: routes to the use cases, nothing else.</summary>
public static class StaffApiEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>().RequireRateLimiting(Security.RateLimits.StaffPolicy);
        root.UseStaffApiResponses();
        root.MapPost("/token", TokenEndpoint.IssueAsync).AllowAnonymous().RequireRateLimiting(Security.RateLimits.SignInPolicy);

        var api = root.MapGroup("").RequireAuthorization(StaffClaims.ApiPolicy);
        api.MapGet("/units", async (ClaimsPrincipal user, StaffAccess access, ManageUnits units, CancellationToken ct) =>
            TypedResults.Ok((await units.ListAsync(await access.RequireAsync(user, ct), ct)).Select(UnitDto.From).ToList()));

        api.MapGet("/tickets", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ListTickets list, CancellationToken ct) =>
        {
            var (filter, error) = QueueFilterParser.Parse(key => request.Query[key].FirstOrDefault());
            if (filter is null)
            {
                return StaffProblemFilter.Problem(400, "查询条件不正确", error);
            }

            var page = await list.RunAsync(await access.RequireAsync(user, ct), filter, ct);
            return TypedResults.Ok(new QueueDto(page.Counts, page.Items.Select(QueueItemDto.From).ToList(), page.Total, page.Page, page.PageSize, page.TotalIsLowerBound));
        });

        api.MapGet("/tickets/export", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ExportLedger export, CancellationToken ct) =>
        {
            var (filter, error) = QueueFilterParser.Parse(key => request.Query[key].FirstOrDefault());
            if (filter is null)
            {
                return StaffProblemFilter.Problem(400, "查询条件不正确", error);
            }

            if (ExportLedger.ParseKind(request.Query["format"].FirstOrDefault()) is not { } kind)
            {
                return StaffProblemFilter.Problem(400, "查询条件不正确", "导出格式只能是 csv 或 xlsx。");
            }

            var file = await export.RunAsync(await access.RequireAsync(user, ct), filter, kind, ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).Produces<string>(200, "text/csv", Data.Ledger.LedgerXlsx.ContentType);

        api.MapGet("/tickets/{number}/similar", async (string number, ClaimsPrincipal user, StaffAccess access, Search.FindSimilarTickets similar, CancellationToken ct) =>
            TypedResults.Ok((await similar.RunAsync(await access.RequireAsync(user, ct), number, ct)).Select(SimilarTicketDto.From).ToList()));

        api.MapGet("/tickets/{number}", async (string number, ClaimsPrincipal user, StaffAccess access, GetTicket get, CancellationToken ct) =>
            TypedResults.Ok(TicketDto.From(await get.RunAsync(await access.RequireAsync(user, ct), number, ct))));

        api.MapPost("/tickets", async (IntakeBody body, ClaimsPrincipal user, StaffAccess access, CreateStaffTicket create, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await create.RunAsync(member, body.ToRequest(), ct);
            return TypedResults.Created($"/api/staff/tickets/{ticket.Number}", TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });

        api.MapPost("/tickets/{number}/reveal", async (string number, ClaimsPrincipal user, StaffAccess access, RevealContact reveal, CancellationToken ct) =>
            TypedResults.Ok(TicketDto.From(await reveal.RunAsync(await access.RequireAsync(user, ct), number, ct))));

        api.MapPost("/tickets/{number}/dispatch", async (string number, DispatchBody body, ClaimsPrincipal user, StaffAccess access, DispatchTicket dispatch, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await dispatch.RunAsync(member, number, new DispatchRequest(body.UnitCode ?? "", body.Note), ct);
            return TypedResults.Ok(TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });

        api.MapPost("/tickets/{number}/reply", async (string number, ReplyBody body, ClaimsPrincipal user, StaffAccess access, ReplyToTicket reply, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await reply.RunAsync(member, number, new ReplyRequest(body.Text ?? "", body.Salutation, body.Matter), ct);
            return TypedResults.Ok(TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });

        MapAction<TextBody>(api, "/approve", b => new(TicketAction.Approve, b?.Text));
        MapAction<ReasonBody>(api, "/return", b => new(TicketAction.Return, b?.Reason));
        MapAction<ExtendBody>(api, "/extend", b => new(TicketAction.RequestExtension, b?.Reason, b?.WorkingDays));
        MapAction<TextBody>(api, "/extension/approve", _ => new(TicketAction.ApproveExtension));
        MapAction<ReasonBody>(api, "/extension/reject", b => new(TicketAction.RejectExtension, b?.Reason));
        MapAction<NoteBody>(api, "/urge", b => new(TicketAction.Urge, b?.Note));
        MapAction<CloseBody>(api, "/close", b => new(TicketAction.Close, b?.Result));
        MapAction<ReasonBody>(api, "/send-back", b => new(TicketAction.SendBack, b?.Reason));
        MapAction<TextBody>(api, "/note", b => new(TicketAction.AddNote, b?.Text));
        MapAction<TextBody>(api, "/propose", b => new(TicketAction.ProposeAction, b?.Text));
        MapAction<TextBody>(api, "/instruct", b => new(TicketAction.LeaderInstruct, b?.Text));
        MapAction<DuplicateBody>(api, "/duplicate", b => new(TicketAction.MarkDuplicate, OtherNumber: b?.OriginalNumber));
        MapAction<GroupBody>(api, "/group", b => new(TicketAction.LinkGroup, OtherNumber: b?.WithNumber));
        MapAction<ReasonBody>(api, "/ungroup", b => new(TicketAction.UnlinkGroup, b?.Reason));
        MapAction<RevisitBody>(api, "/revisit", b => new(TicketAction.RecordRevisit, b?.Record, Satisfaction: b?.Satisfaction));
        Reports.ReportEndpoints.MapReports(api);
        Reports.ReportViewEndpoints.MapReportViews(api);
        MapAction<FindingBody>(api, "/finding", b => new(TicketAction.RecordFinding, b?.Note, Finding: b?.Finding));
        MapAction<FaultBody>(api, "/faults", b => new(TicketAction.TagFault, b?.Reason, Fault: b?.Kind));
        MapAction<ConformityBody>(api, "/conformity", b => new(TicketAction.RecordReplyConformity, b?.Note, FollowsTemplate: b?.FollowsTemplate, HasStamp: b?.HasStamp));
        return app;
    }

    private static void MapAction<TBody>(RouteGroupBuilder api, string path, Func<TBody?, TicketCommand> command)
        where TBody : class =>
        api.MapPost("/tickets/{number}" + path, async (string number, [Microsoft.AspNetCore.Mvc.FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] TBody? body, ClaimsPrincipal user, StaffAccess access, ActOnTicket act, GetTicket get, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var ticket = await act.RunAsync(member, number, command(body), ct);
            return TypedResults.Ok(TicketDto.From(await get.DescribeAsync(member, ticket, false, ct)));
        });
}
