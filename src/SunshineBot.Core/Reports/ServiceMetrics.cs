using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Reports;

/// <summary>On-time counts for one limit (first reply or closure) and one class of tickets.</summary>
public sealed record OnTimeCounts(int OnTime, int Late, int Missing, int Pending)
{
    /// <summary>及时率: on time over everything whose limit has passed or that is done.</summary>
    public Rate Rate => Rates.OnTime(OnTime, Late + Missing);
}

/// <summary>Median and 90th percentile, in office hours; null when nothing was measured.</summary>
public sealed record HourStats(int Count, double? Median, double? P90);

public sealed record LimitClassMetrics(LimitClass Class, OnTimeCounts FirstReply, OnTimeCounts Closure);

public sealed record MonthVolume(string Month, int Received, int Complaints, int Closed);

/// <summary>
/// The service metrics of a unit subtree over a period (issue 12's list), computed by <see cref="MeasureService"/>.
/// <see cref="HoursToAcknowledge"/> is dispatch to 签收 in office hours (quick response); <see cref="Redispatches"/>
/// counts re-dispatches after a unit's 退回.
/// </summary>
public sealed record ServiceMetrics(
    int Received,
    IReadOnlyDictionary<TicketKind, int> ByKind,
    IReadOnlyDictionary<TicketCategory, int> ByCategory,
    IReadOnlyDictionary<Channel, int> ByChannel,
    IReadOnlyDictionary<Severity, int> BySeverity,
    IReadOnlyList<MonthVolume> Monthly,
    OnTimeCounts FirstReply,
    OnTimeCounts Closure,
    IReadOnlyList<LimitClassMetrics> ByLimit,
    Rate Satisfaction,
    int Unsatisfied,
    int NotReached,
    Rate FirstTimeClosure,
    int Redo,
    int TicketsRedone,
    Rate CumulativeClosure,
    int OverdueWorkingDays,
    int Urges,
    int TicketsUrged,
    HourStats HoursToFirstReply,
    HourStats HoursToClosure,
    Rate KbDeflection,
    Rate KbError,
    int FeeComplaints,
    int Substantiated,
    int Faults,
    IReadOnlyList<string> NeverAnswered,
    HourStats HoursToAcknowledge,
    int Redispatches,
    int TicketsRedispatched);
