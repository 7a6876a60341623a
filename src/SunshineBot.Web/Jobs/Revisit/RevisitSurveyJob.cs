using System.Globalization;
using Quartz;

namespace SunshineBot.Web.Jobs.Revisit;

/// <summary>
/// One ticket's survey, fired by a one-shot trigger (group <c>revisit-survey</c>, name "{number}.{round}") set when
/// the reply is published. Thin: <see cref="SendRevisitSurvey"/> re-checks everything and guards against a second send.
/// </summary>
public sealed class RevisitSurveyJob(SendRevisitSurvey survey) : IJob
{
    public static readonly JobKey Key = new("revisit-survey", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var number = data.TryGetValue("number", out var n) ? n as string : null;
        var roundText = data.TryGetValue("round", out var r) ? r as string : null;
        if (number is null || !int.TryParse(roundText, NumberStyles.None, CultureInfo.InvariantCulture, out var round))
        {
            return;
        }

        await survey.RunAsync(number, round, cancellationToken);
    }
}

/// <summary>Reminders, 未回访 and missed surveys, every <see cref="JobsOptions.RevisitScanInterval"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RevisitFollowUpJob(FollowUpRevisits followUp) : IJob
{
    public static readonly JobKey Key = new("revisit-follow-up", "sunshine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await followUp.RunAsync(cancellationToken);
    }
}
