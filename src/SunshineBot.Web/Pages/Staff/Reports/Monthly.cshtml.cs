using Microsoft.AspNetCore.Mvc;
using SunshineBot.Data.Jobs;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Jobs;

namespace SunshineBot.Web.Pages.Staff.Reports;

public sealed class MonthlyModel(ListMonthlyReports reports) : StaffPageModel
{
    public IReadOnlyList<string> Months { get; private set; } = [];

    public string? Month { get; private set; }

    public IReadOnlyList<MonthlyReportRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? month)
    {
        Month = month;
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string month)
    {
        var csv = await reports.CsvAsync(Member, month ?? "", HttpContext.RequestAborted);
        return File(csv, "text/csv; charset=utf-8", $"monthly-report-{month}.csv");
    }

    public async Task<IActionResult> OnPostRunAsync(string month)
    {
        var key = await reports.RunAsync(Member, month ?? "", HttpContext.RequestAborted);
        return Done($"{key} 月通报已生成。", $"/staff/reports/monthly?month={key}");
    }

    protected override async Task ReloadAsync()
    {
        Months = await reports.MonthsAsync(Member, HttpContext.RequestAborted);
        Month ??= Months.Count > 0 ? Months[0] : null;
        Rows = Month is null ? [] : await reports.RowsAsync(Member, Month, HttpContext.RequestAborted);
    }
}
