using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Jobs.Revisit;

public enum RevisitSurveyOutcome
{
    Sent,
    AlreadySent,
    NotDue,

    /// <summary>The ticket moved on: staff started or recorded a revisit (by phone), it was sent back, closed or withdrawn.</summary>
    StoodDown,

    /// <summary>No chat identity (phone, walk-in, 12345): the revisit is staff's, by phone.</summary>
    Unreachable,
}

/// <summary>
/// 回访: sends the satisfaction survey for one round of a ticket (round = its redo count) once the reply has been
/// public for <see cref="RevisitOptions.Delay"/>. Starting the revisit records the handling unit as the one scored.
/// The ticket's state and the job mark are the guards: a second run, or a run after staff took over, sends nothing.
/// </summary>
public sealed class SendRevisitSurvey(SunshineDbContext db, JobMarks marks, ParentMessages parents, RevisitOptions options, TimeProvider clock, ILogger<SendRevisitSurvey> logger)
{
    public static string MarkKey(string number, int round) => $"revisit:{number}:{round}:survey";

    public async Task<RevisitSurveyOutcome> RunAsync(string number, int round, CancellationToken ct)
    {
        var ticket = await db.TicketsWithHistory.SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null || ticket.RedoCount != round || ticket.Status != TicketStatus.Replied || ticket.ReplyPublishedAt is not { } published)
        {
            return RevisitSurveyOutcome.StoodDown;
        }

        var now = clock.GetUtcNow();
        if (now < published + options.Delay)
        {
            return RevisitSurveyOutcome.NotDue;
        }

        if (!ParentMessages.CanReach(ticket))
        {
            return RevisitSurveyOutcome.Unreachable;
        }

        var key = MarkKey(number, round);
        if (await marks.ExistsAsync(key, ct))
        {
            return RevisitSurveyOutcome.AlreadySent;
        }

        ticket.StartRevisit(Actor.System, now);
        marks.Add(key);
        try
        {
            await parents.StartSurveyAsync(ticket, key, ct);
        }
        catch (DbUpdateException e)
        {
            // Another run (or staff) saved first: the mark or the ticket's version refused this one, nothing was saved.
            logger.LogInformation(e, "Revisit survey for {Number} round {Round} not sent: saved elsewhere first", number, round);
            db.ChangeTracker.Clear();
            return RevisitSurveyOutcome.AlreadySent;
        }

        logger.LogInformation("Revisit survey sent for {Number} round {Round}", number, round);
        return RevisitSurveyOutcome.Sent;
    }
}
