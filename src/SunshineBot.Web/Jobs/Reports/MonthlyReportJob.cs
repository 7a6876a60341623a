using Quartz;

namespace SunshineBot.Web.Jobs.Reports;

/// <summary>The previous month's report, on the cron <see cref="JobsOptions.MonthlyReportCron"/> (01:00 on the 1st).</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(CreateMonthlyReport report, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("monthly-report", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (year, month) = report.PreviousMonth(clock.GetUtcNow());
        await report.RunAsync(year, month, cancellationToken);
    }
}
