namespace SunshineBot.Data.Jobs;

/// <summary>One execution of a scheduled job, for the admins' jobs page: when, where, and the error when it failed.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    /// <summary>The Quartz job key, "group.name" (e.g. "sunshine.deadline-scan").</summary>
    public string JobKey { get; set; } = "";

    /// <summary>The scheduler instance that ran it (one of several when clustered).</summary>
    public string Instance { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Null when the run succeeded; else the error's type and message.</summary>
    public string? Error { get; set; }
}
