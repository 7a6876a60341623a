namespace SunshineBot.Data.Jobs;

/// <summary>
/// "This was done": one row per action a scheduled job takes (a survey sent, a reminder, an urge, a late day
/// recorded), keyed so the unique index refuses the second one. Saved in the same transaction as the change it
/// stands for, so a job that runs twice or is re-run after a crash finds it and does nothing.
/// </summary>
public sealed class JobMark
{
    public long Id { get; set; }

    /// <summary>e.g. "revisit:YG20260618-0001:0:survey", "late:YG20260618-0001:639...:2".</summary>
    public string Key { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>An entry of a staff member's notification list on the admin page (due soon, overdue, urgent, redo).</summary>
public sealed class StaffNotification
{
    public long Id { get; set; }

    /// <summary>Unique: the cause and the recipient, so the same notice is never listed twice.</summary>
    public string Key { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary>"due-soon", "overdue", "late-extension", "urgent", "sent-back", "escalated".</summary>
    public string Kind { get; set; } = "";

    public string? TicketNumber { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// 值班表: one staff member on duty for one unit on one local date, for the whole day or from <see cref="StartsAt"/> to
/// <see cref="EndsAt"/> (an end not after the start runs past midnight into the next day: a night shift).
/// </summary>
public sealed class DutyShift
{
    public long Id { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>The unit whose duty this is; null on lines from before rosters were per unit: the service centre's.</summary>
    public string? UnitCode { get; set; }

    /// <summary>Local start time; null with <see cref="EndsAt"/> for the whole day.</summary>
    public TimeOnly? StartsAt { get; set; }

    public TimeOnly? EndsAt { get; set; }

    /// <summary>The number to call during the shift (shown to admins).</summary>
    public string? Phone { get; set; }

    public string UserName { get; set; } = "";

    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>月通报: one unit's numbers for one month. Re-running the month replaces its rows.</summary>
public sealed class MonthlyReportRow
{
    public long Id { get; set; }

    /// <summary>"2026-06".</summary>
    public string Month { get; set; } = "";

    public string UnitCode { get; set; } = "";

    public string UnitName { get; set; } = "";

    public int Received { get; set; }

    /// <summary>Received per kind, as JSON: {"Complaint":3,...}.</summary>
    public string KindsJson { get; set; } = "{}";

    /// <summary>Received per category, as JSON.</summary>
    public string CategoriesJson { get; set; } = "{}";

    public int Replied { get; set; }

    public int RepliedOnTime { get; set; }

    public int Overdue { get; set; }

    public int Redo { get; set; }

    /// <summary>Closed and revisited (the satisfaction denominator; not-reached excluded).</summary>
    public int Revisited { get; set; }

    public int Satisfied { get; set; }

    public int NotReached { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
