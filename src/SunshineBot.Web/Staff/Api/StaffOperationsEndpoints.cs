using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Auth;
using SunshineBot.Web.Staff.Jobs;
using SunshineBot.Web.Staff.Knowledge;

namespace SunshineBot.Web.Staff.Api;

public sealed record JobRunBody(string? Key);

public sealed record MonthBody(string? Month);

public sealed record KbEntryDto(string Id, string Title, int Answered, int Unhelpful);

public sealed record KbUnhelpfulDto(DateTimeOffset At, string Question, string? EntryId, string? EntryTitle);

/// <summary><c>errorRate</c>: answers marked unhelpful / answers rated (seed 004 wants it under 10 %); null before any rating.</summary>
public sealed record KbFeedbackDto(double? ErrorRate, int WithFeedback, int Unhelpful, int EntryCount, int PolicyCount, IReadOnlyList<KbUnhelpfulDto> RecentUnhelpful, IReadOnlyList<KbEntryDto> Entries);

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Kind, string Actor, string? ActorUnitCode, string? Subject, string? Detail, string? Address);

public sealed record MonthlyReportDto(IReadOnlyList<string> Months, string? Month, IReadOnlyList<Data.Jobs.MonthlyReportRow> Rows);

/// <summary>
/// What the 通知, 知识库, 定时任务, 安全日志 and 月通报 pages do, for the API: notifications marked read, the knowledge
/// base's feedback and re-index, the jobs and "run now", the audit log, the monthly reports (list, CSV, re-run).
/// </summary>
public static class StaffOperationsEndpoints
{
    public static IEndpointRouteBuilder MapStaffOperationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<StaffProblemFilter>()
            .RequireRateLimiting(RateLimits.StaffPolicy).RequireAuthorization(StaffClaims.ApiPolicy);
        api.UseStaffApiResponses();
        api.MapPost("/notifications/{id:long}/read", async (long id, ClaimsPrincipal user, StaffAccess access, ListNotifications list, CancellationToken ct) =>
        {
            await list.MarkReadAsync(await access.RequireAsync(user, ct), id, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/notifications/read", async (ClaimsPrincipal user, StaffAccess access, ListNotifications list, CancellationToken ct) =>
        {
            await list.MarkReadAsync(await access.RequireAsync(user, ct), null, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/tickets/{number}/attachments/{id:long}", async (string number, long id, ClaimsPrincipal user, StaffAccess access, IConfiguration configuration, IHostEnvironment env, CancellationToken ct) =>
            await StaffFileEndpoints.FindAttachmentAsync(await access.RequireAsync(user, ct), number, id, access, configuration, env, ct) is { } file
                ? Results.File(file.Path, file.ContentType)
                : StaffProblemFilter.Problem(404, "未找到", "这件工单没有这个附件。"))
            .Produces(200, contentType: "image/jpeg", additionalContentTypes: ["image/png"]);

        api.MapGet("/knowledge/feedback", async (ClaimsPrincipal user, StaffAccess access, KnowledgeAdmin knowledge, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            StaffPermissions.DemandAdmin(member);
            var o = await knowledge.OverviewAsync(member, ct);
            return TypedResults.Ok(new KbFeedbackDto(
                o.ErrorRate, o.WithFeedback, o.Unhelpful, o.LastBuild.EntryCount, o.LastBuild.PolicyCount,
                o.RecentUnhelpful.Select(u => new KbUnhelpfulDto(u.At, u.Question, u.EntryId, u.EntryTitle)).ToList(),
                o.Entries.Select(e => new KbEntryDto(e.Entry.Id, e.Entry.Title, e.Answered, e.Unhelpful)).ToList()));
        });
        api.MapPost("/knowledge/rebuild", async (ClaimsPrincipal user, StaffAccess access, KnowledgeAdmin knowledge, CancellationToken ct) =>
        {
            var report = knowledge.Rebuild(await access.RequireAsync(user, ct));
            return TypedResults.Ok(new { entries = report.EntryCount, policies = report.PolicyCount, problems = report.LoadProblems });
        });

        api.MapGet("/jobs", async (ClaimsPrincipal user, StaffAccess access, ListJobs jobs, CancellationToken ct) =>
            TypedResults.Ok(new { enabled = jobs.Enabled, jobs = await jobs.ListAsync(await access.RequireAsync(user, ct), ct) }));
        api.MapPost("/jobs/run", async (JobRunBody body, ClaimsPrincipal user, StaffAccess access, ListJobs jobs, CancellationToken ct) =>
            TypedResults.Accepted((string?)null, new { label = await jobs.RunNowAsync(await access.RequireAsync(user, ct), body.Key ?? "", ct) }));

        api.MapGet("/audit", async (string? kind, ClaimsPrincipal user, StaffAccess access, ListAuditLog list, CancellationToken ct) =>
            TypedResults.Ok((await list.RunAsync(await access.RequireAsync(user, ct), kind, ct))
                .Select(e => new AuditEntryDto(e.Id, e.At, e.Kind, e.Actor, e.ActorUnitCode, e.Subject, e.Detail, e.Address)).ToList()));

        api.MapGet("/reports/monthly", async (string? month, ClaimsPrincipal user, StaffAccess access, ListMonthlyReports reports, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            var months = await reports.MonthsAsync(member, ct);
            var chosen = !string.IsNullOrWhiteSpace(month) ? month : months.Count > 0 ? months[0] : null;
            return TypedResults.Ok(new MonthlyReportDto(months, chosen, chosen is null ? [] : await reports.RowsAsync(member, chosen, ct)));
        });
        api.MapGet("/reports/monthly/csv", async (string? month, ClaimsPrincipal user, StaffAccess access, ListMonthlyReports reports, CancellationToken ct) =>
            Results.File(await reports.CsvAsync(await access.RequireAsync(user, ct), month ?? "", ct), "text/csv; charset=utf-8", $"monthly-report-{month}.csv"))
            .Produces<string>(200, "text/csv");
        api.MapPost("/reports/monthly/run", async ([FromBody] MonthBody body, ClaimsPrincipal user, StaffAccess access, ListMonthlyReports reports, CancellationToken ct) =>
            TypedResults.Ok(new { month = await reports.RunAsync(await access.RequireAsync(user, ct), body.Month ?? "", ct) }));
        return app;
    }
}
