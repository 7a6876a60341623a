using Quartz;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>Due-soon reminders, automatic urges and late days, every <see cref="JobsOptions.DeadlineScanInterval"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineScanJob(ScanDeadlines scan) : IJob
{
    public static readonly JobKey Key = new("deadline-scan", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await scan.RunAsync(cancellationToken);
    }
}
