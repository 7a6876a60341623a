namespace SunshineBot.Web.Jobs.Retention;

/// <summary>Configuration section <c>Privacy</c>: how long a finished ticket keeps the parent's data.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// <c>Privacy:RetentionYears</c>: a closed, withdrawn or merged ticket with nothing on its timeline for this many
    /// years is anonymised by the retention job. 0 keeps everything (the job does nothing).
    /// </summary>
    public int RetentionYears { get; set; } = 5;

    /// <summary><c>Privacy:RetentionCron</c>: Quartz cron (seconds first) in the calendar's time zone; 03:30 every night by default.</summary>
    public string RetentionCron { get; set; } = "0 30 3 * * ?";

    /// <summary><c>Privacy:RetentionBatchSize</c>: tickets loaded at a time (each is anonymised in its own transaction).</summary>
    public int RetentionBatchSize { get; set; } = 200;

    public IEnumerable<string> Validate()
    {
        if (RetentionYears is < 0 or > 100)
        {
            yield return "Privacy:RetentionYears must be between 0 (keep everything) and 100";
        }

        if (RetentionBatchSize is < 1 or > 10_000)
        {
            yield return "Privacy:RetentionBatchSize must be between 1 and 10000";
        }

        if (!Quartz.CronExpression.TryParse(RetentionCron, out _))
        {
            yield return $"Privacy:RetentionCron '{RetentionCron}' is not a valid Quartz cron expression";
        }
    }
}
