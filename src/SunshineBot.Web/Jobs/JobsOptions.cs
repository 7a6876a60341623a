namespace SunshineBot.Web.Jobs;

/// <summary>Configuration section <c>Jobs</c>: the scheduler and the periodic jobs' schedules.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Runs the Quartz scheduler in this instance. Off: nothing is scheduled or fires here.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due-soon and overdue tickets are looked for.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often reminders, 未回访 and missed surveys are looked for.</summary>
    public TimeSpan RevisitScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often new urgent tickets are looked for (the alert is also scheduled at once on filing when possible).</summary>
    public TimeSpan UrgentScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>Jobs:UrgentAckTimeout</c>: an urgent alert nobody has acknowledged (确认收到) this long after it went out is
    /// escalated to the service centre's admins, once.
    /// </summary>
    public TimeSpan UrgentAckTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Quartz cron (seconds first) in the calendar's time zone: 01:00 on the 1st by default.</summary>
    public string MonthlyReportCron { get; set; } = "0 0 1 1 * ?";

    /// <summary>Quartz clustering; by default on with PostgreSQL and off with SQLite (one instance).</summary>
    public bool? Clustered { get; set; }

    public IEnumerable<string> Validate()
    {
        if (DeadlineScanInterval < TimeSpan.FromSeconds(10) || RevisitScanInterval < TimeSpan.FromSeconds(10) || UrgentScanInterval < TimeSpan.FromSeconds(10))
        {
            yield return "Jobs: scan intervals must be at least 10 seconds";
        }

        if (UrgentAckTimeout < TimeSpan.FromMinutes(1))
        {
            yield return "Jobs:UrgentAckTimeout must be at least 1 minute";
        }

        if (!Quartz.CronExpression.TryParse(MonthlyReportCron, out _))
        {
            yield return $"Jobs:MonthlyReportCron '{MonthlyReportCron}' is not a valid Quartz cron expression";
        }
    }
}

/// <summary>Configuration section <c>Revisit</c>: the automatic satisfaction survey (回访).</summary>
public sealed class RevisitOptions
{
    public const string Section = "Revisit";

    /// <summary>From the reply's publication to the survey; 0 sends it at once.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>From the survey to its one reminder.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Working days after the survey without an answer before it is recorded as 未回访 and the ticket closes.</summary>
    public int NotReachedAfterWorkingDays { get; set; } = 3;

    public IEnumerable<string> Validate()
    {
        if (Delay < TimeSpan.Zero || ReminderAfter <= TimeSpan.Zero)
        {
            yield return "Revisit: Delay must be 0 or more and ReminderAfter positive";
        }

        if (NotReachedAfterWorkingDays < 1)
        {
            yield return "Revisit:NotReachedAfterWorkingDays must be at least 1";
        }
    }
}
