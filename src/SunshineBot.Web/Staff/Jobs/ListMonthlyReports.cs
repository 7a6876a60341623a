using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Jobs.Reports;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>月通报 on the admin page: the stored months, one month's rows, its CSV, and a manual re-run. Centre admins only.</summary>
public sealed class ListMonthlyReports(SunshineDbContext db, CreateMonthlyReport create)
{
    public async Task<IReadOnlyList<string>> MonthsAsync(StaffMember member, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        return await db.MonthlyReports.AsNoTracking().Select(r => r.Month).Distinct().OrderByDescending(m => m).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MonthlyReportRow>> RowsAsync(StaffMember member, string month, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        return await db.MonthlyReports.AsNoTracking().Where(r => r.Month == month).OrderBy(r => r.UnitCode).ToListAsync(ct);
    }

    public async Task<byte[]> CsvAsync(StaffMember member, string month, CancellationToken ct) =>
        MonthlyReportCsv.Write(await RowsAsync(member, month, ct));

    /// <summary>Builds (or rebuilds) a month now, e.g. after a late correction; "yyyy-MM".</summary>
    public async Task<string> RunAsync(StaffMember member, string month, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first))
        {
            throw new DomainException("月份格式应为 yyyy-MM。");
        }

        await create.RunAsync(first.Year, first.Month, ct);
        return CreateMonthlyReport.MonthKey(first.Year, first.Month);
    }
}
