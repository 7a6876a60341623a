namespace SunshineBot.Core.Calendar;

/// <summary>
/// Converts instants to a zone's local time, fast for the present era. Reports convert each ticket's instants several
/// times (half a million tickets a year), and <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>
/// looks up adjustment rules every time. A zone whose rules have all ended (China has kept UTC+8 since 1991) has one
/// offset from then on; instants after that are shifted by it, earlier ones and zones with current rules go through
/// <see cref="TimeZoneInfo"/>.
/// </summary>
public sealed class ZoneClock
{
    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _steadyFrom;
    private readonly TimeSpan _steadyOffset;

    public ZoneClock(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
        var rules = zone.GetAdjustmentRules();
        var lastEnd = rules.Length == 0 ? DateTime.MinValue : rules.Max(r => r.DateEnd);
        if (lastEnd >= DateTime.MaxValue.Date.AddYears(-1))
        {
            // A rule still applies (daylight saving today): no steady offset.
            _steadyFrom = DateTimeOffset.MaxValue;
            return;
        }

        // Rule dates are local; two days' margin covers any offset.
        _steadyFrom = lastEnd == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(lastEnd.AddDays(2).Ticks, TimeSpan.Zero);
        var probe = _steadyFrom == DateTimeOffset.MinValue ? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) : _steadyFrom;
        _steadyOffset = zone.GetUtcOffset(probe);
    }

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset ToLocal(DateTimeOffset instant) =>
        instant >= _steadyFrom ? instant.ToOffset(_steadyOffset) : TimeZoneInfo.ConvertTime(instant, _zone);
}
