using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs.Reports;

/// <summary>
/// 月通报: one row per unit for one calendar month (local time). Received, by kind and category, replied, on time and
/// overdue count tickets received in the month against their first round's reply limit; redo counts the month's 发回重办 against the
/// unit scored by the revisit; satisfaction counts tickets closed in the month (seed 001: satisfied / closed and
/// revisited, 基本满意 counted as satisfied, 未回访 apart). Running a month again replaces its rows.
/// </summary>
public sealed class CreateMonthlyReport(SunshineDbContext db, WorkingDayCalendar calendar, Core.Reports.ReportOptions reportOptions, TimeProvider clock)
{
    public const string Unassigned = "none";

    public static string MonthKey(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The month before the one <paramref name="now"/> falls in, in the calendar's zone.</summary>
    public (int Year, int Month) PreviousMonth(DateTimeOffset now)
    {
        var first = calendar.LocalDate(now).AddDays(1 - calendar.LocalDate(now).Day).AddMonths(-1);
        return (first.Year, first.Month);
    }

    public async Task<IReadOnlyList<MonthlyReportRow>> RunAsync(int year, int month, CancellationToken ct)
    {
        var start = LocalMidnight(new DateOnly(year, month, 1));
        var end = LocalMidnight(new DateOnly(year, month, 1).AddMonths(1));
        var tickets = await db.TicketsWithHistory.AsNoTracking()
            .Where(t => (t.ReceivedAt >= start && t.ReceivedAt < end) || (t.ClosedAt >= start && t.ClosedAt < end)
                || t.Events.Any(e => e.Action == TicketAction.SendBack && e.At >= start && e.At < end))
            .ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var now = clock.GetUtcNow();
        var rows = new Dictionary<string, Counts>(StringComparer.Ordinal);
        Counts Of(string? unit) => rows.TryGetValue(unit ?? Unassigned, out var c) ? c : rows[unit ?? Unassigned] = new Counts();

        foreach (var t in tickets)
        {
            if (t.ReceivedAt >= start && t.ReceivedAt < end)
            {
                var c = Of(t.HandlingUnitCode ?? t.ReceivingUnitCode);
                c.Received++;
                c.Kinds[t.Kind.ToString()] = c.Kinds.GetValueOrDefault(t.Kind.ToString()) + 1;
                c.Categories[t.Category.ToString()] = c.Categories.GetValueOrDefault(t.Category.ToString()) + 1;
                // Judged on the first round: a redo has its own limit, and is counted as a redo below.
                var (replied, due) = t.FirstRoundReplyDueAt is { } firstDue ? (t.FirstRoundRepliedAt, firstDue) : (t.RepliedAt, t.FirstReplyDueAt);
                c.Replied += replied is null ? 0 : 1;
                c.RepliedOnTime += replied is { } r && r <= due ? 1 : 0;
                c.Overdue += (replied ?? (now < end ? now : end)) > due ? 1 : 0;
            }

            var scored = t.RevisitUnitCode ?? t.HandlingUnitCode;
            var redo = t.Events.Count(e => e.Action == TicketAction.SendBack && e.At >= start && e.At < end);
            if (redo > 0)
            {
                Of(scored).Redo += redo;
            }

            if (t.ClosedAt >= start && t.ClosedAt < end && t.Satisfaction is { } s)
            {
                var c = Of(scored);
                c.NotReached += s == Satisfaction.NotReached ? 1 : 0;
                c.Revisited += Core.Reports.Rates.IsRevisited(s) ? 1 : 0;
                c.Satisfied += Core.Reports.Rates.IsSatisfied(s, reportOptions.CountBasicallySatisfied) ? 1 : 0;
            }
        }

        var key = MonthKey(year, month);
        var stored = rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new MonthlyReportRow
        {
            Month = key,
            UnitCode = r.Key,
            UnitName = names.GetValueOrDefault(r.Key) ?? "（未交办）",
            Received = r.Value.Received,
            KindsJson = JsonSerializer.Serialize(r.Value.Kinds),
            CategoriesJson = JsonSerializer.Serialize(r.Value.Categories),
            Replied = r.Value.Replied,
            RepliedOnTime = r.Value.RepliedOnTime,
            Overdue = r.Value.Overdue,
            Redo = r.Value.Redo,
            Revisited = r.Value.Revisited,
            Satisfied = r.Value.Satisfied,
            NotReached = r.Value.NotReached,
            CreatedAt = now,
        }).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.MonthlyReports.Where(r => r.Month == key).ExecuteDeleteAsync(ct);
        db.MonthlyReports.AddRange(stored);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    private DateTimeOffset LocalMidnight(DateOnly date)
    {
        var wall = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }

    private sealed class Counts
    {
        public int Received { get; set; }

        public SortedDictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, int> Categories { get; } = new(StringComparer.Ordinal);

        public int Replied { get; set; }

        public int RepliedOnTime { get; set; }

        public int Overdue { get; set; }

        public int Redo { get; set; }

        public int Revisited { get; set; }

        public int Satisfied { get; set; }

        public int NotReached { get; set; }
    }
}
