using Quartz;

namespace SunshineBot.Web.Jobs.Retention;

/// <summary>Anonymises the tickets past <see cref="PrivacyOptions.RetentionYears"/>, on <see cref="PrivacyOptions.RetentionCron"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(AnonymiseClosedTickets anonymise) : IJob
{
    public static readonly JobKey Key = new("retention", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await anonymise.RunAsync(cancellationToken);
    }
}
