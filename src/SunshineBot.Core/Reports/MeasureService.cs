using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Reports;

/// <summary>
/// Computes <see cref="ServiceMetrics"/> from ticket facts: pure, no I/O. The population is the tickets received in the
/// period, measured as they stood at <see cref="ReportPeriod.AsOf"/>. Withdrawn and duplicate tickets count in the
/// volumes only.
/// </summary>
public static class MeasureService
{
    public static ServiceMetrics Run(IEnumerable<TicketFact> facts, KbFacts kb, ReportPeriod period, WorkingDayCalendar calendar, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var asOf = period.AsOf;
        var byKind = Enum.GetValues<TicketKind>().ToDictionary(k => k, _ => 0);
        var byCategory = Enum.GetValues<TicketCategory>().ToDictionary(k => k, _ => 0);
        var byChannel = Enum.GetValues<Channel>().ToDictionary(k => k, _ => 0);
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(k => k, _ => 0);
        // Volumes by local month, indexed from the period's first month (no month name is made per ticket).
        var first = new DateOnly(period.From.Year, period.From.Month, 1);
        var months = new List<(string Name, int[] Counts)>();
        var reply = new Tally[3];
        var closure = new Tally[3];
        var replyHours = new List<double>();
        var closureHours = new List<double>();
        var ackHours = new List<double>();
        var never = new List<string>();
        int received = 0, owed = 0, closed = 0, closedFirstTime = 0, revisited = 0, satisfied = 0, unsatisfied = 0, notReached = 0;
        int redispatches = 0, redispatched = 0;
        int redo = 0, redone = 0, lateDays = 0, urges = 0, urged = 0, fee = 0, substantiated = 0, faults = 0;
        for (var m = first; m <= period.To; m = m.AddMonths(1))
        {
            months.Add((Month(m), new int[3]));
        }

        foreach (var t in facts)
        {
            if (!period.Contains(t.ReceivedAt))
            {
                continue;
            }

            received++;
            byKind[t.Kind]++;
            byCategory[t.Category]++;
            byChannel[t.Channel]++;
            bySeverity[t.Severity]++;
            var local = calendar.LocalDate(t.ReceivedAt);
            var month = months[((local.Year - first.Year) * 12) + local.Month - first.Month].Counts;
            month[0]++;
            month[1] += t.Kind == TicketKind.Complaint ? 1 : 0;
            fee += t.Kind is TicketKind.Complaint or TicketKind.Report && t.Category.IsFee() ? 1 : 0;
            if (!t.IsScored)
            {
                continue;
            }

            owed++;
            var cls = (int)Timeliness.ClassOf(t);
            var replyTiming = Timeliness.Reply(t, asOf);
            reply[cls].Add(replyTiming);
            closure[cls].Add(Timeliness.Closure(t, asOf));
            lateDays += Timeliness.ReplyDaysLate(t, asOf, calendar);
            if (replyTiming == Timing.Missing || (replyTiming == Timing.Pending && t.FirstRepliedAt is null))
            {
                never.Add(t.Number);
            }

            if (t.FirstRepliedAt is { } repliedAt && repliedAt <= asOf)
            {
                replyHours.Add(calendar.WorkingHoursBetween(t.ReceivedAt, repliedAt));
            }

            if (t is { DispatchedAt: { } sentAt, AcknowledgedAt: { } ackAt } && ackAt <= asOf)
            {
                ackHours.Add(calendar.WorkingHoursBetween(sentAt, ackAt));
            }

            redispatches += t.RedispatchCount;
            redispatched += t.RedispatchCount > 0 ? 1 : 0;
            urges += t.UrgeCount;
            urged += t.UrgeCount > 0 ? 1 : 0;
            redo += t.RedoCount;
            redone += t.RedoCount > 0 ? 1 : 0;
            substantiated += t.Finding is Finding.Substantiated or Finding.PartlySubstantiated ? 1 : 0;
            faults += t.Faults.Count;
            if (t.ClosedAt is { } closedAt && closedAt <= asOf)
            {
                closed++;
                month[2]++;
                closedFirstTime += t.RedoCount == 0 ? 1 : 0;
                closureHours.Add(calendar.WorkingHoursBetween(t.ReceivedAt, closedAt));
                revisited += Rates.IsRevisited(t.Satisfaction) ? 1 : 0;
                satisfied += Rates.IsSatisfied(t.Satisfaction, options.CountBasicallySatisfied) ? 1 : 0;
                unsatisfied += t.Satisfaction == Satisfaction.Unsatisfied ? 1 : 0;
                notReached += t.Satisfaction == Satisfaction.NotReached ? 1 : 0;
            }
        }

        return new ServiceMetrics(
            received, byKind, byCategory, byChannel, bySeverity,
            months.Select(m => new MonthVolume(m.Name, m.Counts[0], m.Counts[1], m.Counts[2])).ToArray(),
            Tally.Sum(reply), Tally.Sum(closure),
            Enum.GetValues<LimitClass>().Select(c => new LimitClassMetrics(c, reply[(int)c].Counts, closure[(int)c].Counts)).ToArray(),
            Rates.Satisfaction(satisfied, revisited), unsatisfied, notReached,
            Rates.FirstTimeClosure(closedFirstTime, closed), redo, redone, Rates.Closure(closed, owed),
            lateDays, urges, urged, Stats(replyHours), Stats(closureHours),
            Rates.KbDeflection(kb.Answered, kb.Questions), Rates.KbError(kb.Unhelpful, kb.Rated),
            fee, substantiated, faults, never, Stats(ackHours), redispatches, redispatched);
    }

    /// <summary>Median and p90 by the nearest-rank method, to one decimal of an hour.</summary>
    public static HourStats Stats(List<double> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.Count == 0)
        {
            return new HourStats(0, null, null);
        }

        hours.Sort();
        double Rank(double p) => Math.Round(hours[Math.Max(0, (int)Math.Ceiling(p * hours.Count) - 1)], 1, MidpointRounding.AwayFromZero);
        return new HourStats(hours.Count, Rank(0.5), Rank(0.9));
    }

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private struct Tally
    {
        private int _onTime, _late, _missing, _pending;

        public readonly OnTimeCounts Counts => new(_onTime, _late, _missing, _pending);

        public void Add(Timing timing)
        {
            switch (timing)
            {
                case Timing.OnTime: _onTime++; break;
                case Timing.Late: _late++; break;
                case Timing.Missing: _missing++; break;
                case Timing.Pending: _pending++; break;
            }
        }

        public static OnTimeCounts Sum(Tally[] all) => new(
            all.Sum(a => a._onTime), all.Sum(a => a._late), all.Sum(a => a._missing), all.Sum(a => a._pending));
    }
}
