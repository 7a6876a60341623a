using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using SunshineBot.Data.Ledger;
using SunshineBot.Data.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>
/// <c>GET /api/staff/reports/metrics?from&amp;to&amp;unit</c> and <c>GET /api/staff/reports/score?rubric&amp;from&amp;to&amp;unit</c>
/// (the CLI's JSON), each with <c>&amp;format=xlsx</c>; <c>POST /api/staff/reports/manual</c> for manual rubric items.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReports(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/reports/metrics", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ReadReports read, CancellationToken ct) =>
        {
            var report = await read.MetricsAsync(await access.RequireAsync(user, ct), QueryOf(request), ct);
            if (IsXlsx(request))
            {
                var rows = MetricsRows.Of(report).Select(r => (IReadOnlyList<string>)[r.Name, r.Value]).ToList();
                return Results.File(LedgerXlsx.Write(["指标", "数值"], rows), LedgerXlsx.ContentType, $"metrics-{report.UnitCode}-{Day(report.From)}-{Day(report.To)}.xlsx");
            }

            return Results.Text(JsonSerializer.Serialize(report, ScoreSheetFiles.Json), "application/json; charset=utf-8");
        });

        api.MapGet("/reports/score", async (HttpRequest request, ClaimsPrincipal user, StaffAccess access, ReadReports read, CancellationToken ct) =>
        {
            var sheet = await read.ScoreAsync(await access.RequireAsync(user, ct), QueryOf(request), ct);
            return IsXlsx(request)
                ? Results.File(ScoreSheetFiles.WriteXlsx(sheet), LedgerXlsx.ContentType, $"score-{sheet.Rubric}-{Day(sheet.From)}-{Day(sheet.To)}.xlsx")
                : Results.Text(ScoreSheetFiles.WriteJson(sheet), "application/json; charset=utf-8");
        });

        api.MapPost("/reports/manual", async (ManualScoreBody body, ClaimsPrincipal user, StaffAccess access, ReadReports read, CancellationToken ct) =>
        {
            var member = await access.RequireAsync(user, ct);
            await read.AddManualAsync(member, new ReportQuery(body.From, body.To, body.Unit, body.Rubric), body.Item, body.Score, body.Note, ct);
            return TypedResults.NoContent();
        });
    }

    private static ReportQuery QueryOf(HttpRequest r) =>
        new(r.Query["from"].FirstOrDefault(), r.Query["to"].FirstOrDefault(), r.Query["unit"].FirstOrDefault(), r.Query["rubric"].FirstOrDefault());

    private static bool IsXlsx(HttpRequest r) => string.Equals(r.Query["format"].FirstOrDefault(), "xlsx", StringComparison.OrdinalIgnoreCase);

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

public sealed record ManualScoreBody(string? Rubric, string? From, string? To, string? Unit, string? Item, decimal? Score, string? Note);
