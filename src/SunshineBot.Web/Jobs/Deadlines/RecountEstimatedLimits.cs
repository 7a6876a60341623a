using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Jobs.Deadlines;

/// <summary>What one pass over the limits counted past the calendar's end did.</summary>
/// <param name="Marked">Open tickets whose limits lay past the calendar's end without a mark (filed before marks were kept).</param>
/// <param name="Recounted">Open tickets whose marked limits the calendar now reaches, counted again.</param>
public sealed record EstimateRecountResult(int Marked, int Recounted);

/// <summary>
/// After the calendar gains a year (start-up, or <see cref="Hosting.CalendarReloader"/> taking an import), counts again
/// the open tickets' limits that had been counted on weekends only, each with a timeline note
/// (<see cref="Ticket.RecountOnCalendar"/>). Only marked tickets are read; each save is conditional on the ticket's
/// version, so instances doing this at once recount a ticket once, and a second pass changes nothing.
/// </summary>
public sealed partial class RecountEstimatedLimits(SunshineDbContext db, DeadlinePolicy deadlines, WorkingDayCalendar calendar, TimeProvider clock, ILogger<RecountEstimatedLimits> logger)
{
    private const int Attempts = 3;

    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(Ticket.IsOpenStatus).ToArray();

    public async Task<EstimateRecountResult> RunAsync(CancellationToken ct)
    {
        var marked = await MarkUncoveredAsync(ct);
        var numbers = await db.Tickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status)
                && (t.FirstReplyDueEstimatedAfter != null || t.DueEstimatedAfter != null || t.FlagDueEstimatedAfter != null))
            .OrderBy(t => t.Id).Select(t => t.Number).ToListAsync(ct);
        var recounted = 0;
        foreach (var number in numbers)
        {
            recounted += await ChangeAsync(number, t => t.RecountOnCalendar(clock.GetUtcNow(), deadlines), ct) ? 1 : 0;
        }

        if (marked + recounted > 0)
        {
            Done(logger, marked, recounted);
        }

        return new EstimateRecountResult(marked, recounted);
    }

    /// <summary>
    /// Tickets filed before limits kept their mark: an open limit in a year the calendar does not list now was counted
    /// on weekends only after the calendar's end, so it gets that mark (and the flag) here.
    /// </summary>
    private async Task<int> MarkUncoveredAsync(CancellationToken ct)
    {
        if (calendar.CoveredThrough(calendar.LocalDate(clock.GetUtcNow())) is not { } end)
        {
            return 0;
        }

        var wall = end.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var after = new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
        var numbers = await db.Tickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status)
                && ((t.FirstReplyDueAt >= after && t.FirstReplyDueEstimatedAfter == null)
                    || (t.DueAt >= after && t.DueEstimatedAfter == null)
                    || (t.FlagDueAt >= after && t.FlagDueEstimatedAfter == null)))
            .OrderBy(t => t.Id).Select(t => t.Number).ToListAsync(ct);
        var marked = 0;
        foreach (var number in numbers)
        {
            marked += await ChangeAsync(number, t => t.MarkPastCalendar(end, after), ct) ? 1 : 0;
        }

        return marked;
    }

    private async Task<bool> ChangeAsync(string number, Func<Ticket, bool> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number, ct);
            if (!change(ticket))
            {
                return false;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another instance (or a member of staff) saved the ticket first: read it again and look once more.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working-day calendar: {Marked} tickets marked as counted past the calendar's end, {Recounted} recounted on the new calendar")]
    private static partial void Done(ILogger logger, int marked, int recounted);
}
