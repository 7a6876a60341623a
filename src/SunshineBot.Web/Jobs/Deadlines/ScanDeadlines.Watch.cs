using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>
/// The watch the resolution limit and a supervision case's deadline share: due soon on a working day → a reminder to
/// the handling unit (and its supervising centre when <see cref="LimitWords.DueSoonToCentre"/>); the first check past
/// it → a system 催办 when the state allows one, else a timeline note, with a notice to the unit and the centre; each
/// further working day late → a note. Marks are "{Kind}-due-soon|overdue|late:{number}:{limit ticks}[:{day}]".
/// </summary>
public sealed partial class ScanDeadlines
{
    /// <summary>What one watched limit says at each step (the limit's local time already in the texts).</summary>
    private sealed record LimitWords(string Kind, string DueSoon, bool DueSoonToCentre, string UrgeNote, string OverdueNote, string Overdue, Func<int, string> LateNote);

    private readonly record struct WatchCounts(int DueSoon, int Overdue, int LateDays);

    private string LocalText(DateTimeOffset at) => calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<WatchCounts> WatchLimitAsync(Ticket ticket, string unit, DeadlineState state, DateTimeOffset dueAt, DateTimeOffset now, LimitWords words, CancellationToken ct)
    {
        var limit = $"{ticket.Number}:{dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var dueSoonKey = $"{words.Kind}-due-soon:{limit}";
        var counts = default(WatchCounts);
        if (state.IsDueSoon && calendar.IsWorkingDay(calendar.LocalDate(now)) && !await marks.ExistsAsync(dueSoonKey, ct))
        {
            await notices.AddAsync(dueSoonKey, $"{words.Kind}-due-soon", ticket.Number, words.DueSoon, await notices.StaffOfUnitAsync(unit, ct), ct);
            if (words.DueSoonToCentre)
            {
                await notices.AddAsync(dueSoonKey + ":centre", $"{words.Kind}-due-soon", ticket.Number, words.DueSoon, await notices.SupervisorsOfAsync(unit, ct), ct);
            }

            marks.Add(dueSoonKey);
            counts = counts with { DueSoon = await marks.SaveAsync(ct) ? 1 : 0 };
        }

        if (!state.IsOverdue)
        {
            return counts;
        }

        var overdueKey = $"{words.Kind}-overdue:{limit}";
        if (!await marks.ExistsAsync(overdueKey, ct))
        {
            if (TicketWorkflow.IsAllowed(ticket.Status, TicketAction.Urge))
            {
                ticket.Urge(Actor.System, now, words.UrgeNote);
            }
            else
            {
                ticket.AddNote(Actor.System, now, words.OverdueNote);
            }

            await notices.AddAsync(overdueKey, $"{words.Kind}-overdue", ticket.Number, words.Overdue, await notices.StaffOfUnitAsync(unit, ct), ct);
            await notices.AddAsync(overdueKey + ":centre", $"{words.Kind}-overdue", ticket.Number, words.Overdue, await notices.SupervisorsOfAsync(unit, ct), ct);
            marks.Add(overdueKey);
            if (!await marks.SaveAsync(ct))
            {
                return counts;
            }

            counts = counts with { Overdue = 1 };
            db.ChangeTracker.Clear();
            ticket = await db.TicketsWithHistory.SingleAsync(t => t.Id == ticket.Id, ct);
        }

        var added = 0;
        for (var day = 2; day <= state.OverdueWorkingDays; day++)
        {
            var key = $"{words.Kind}-late:{limit}:{day.ToString(CultureInfo.InvariantCulture)}";
            if (!await marks.ExistsAsync(key, ct))
            {
                ticket.AddNote(Actor.System, now, words.LateNote(day));
                marks.Add(key);
                added++;
            }
        }

        return added > 0 && await marks.SaveAsync(ct) ? counts with { LateDays = added } : counts;
    }
}
