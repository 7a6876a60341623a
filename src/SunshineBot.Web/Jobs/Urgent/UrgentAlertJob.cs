using Quartz;

namespace SunshineBot.Web.Jobs.Urgent;

/// <summary>Alerts the on-duty staff about new urgent tickets, every <see cref="JobsOptions.UrgentScanInterval"/>.</summary>
[DisallowConcurrentExecution]
public sealed class UrgentAlertJob(AlertUrgentTickets alert) : IJob
{
    public static readonly JobKey Key = new("urgent-alert", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await alert.RunAsync(cancellationToken);
    }
}
