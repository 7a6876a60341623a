using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Reports;

/// <summary>
/// The one projection query behind metrics and rubric scores: the flat facts of the tickets received in a period
/// (index on ReceivedAt), plus their fault tags in a second small query. No timeline, no text columns.
/// </summary>
public static class TicketFacts
{
    public static async Task<List<TicketFact>> LoadAsync(SunshineDbContext db, IQueryable<Ticket> scope, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var inPeriod = scope.Where(t => t.ReceivedAt >= period.Start && t.ReceivedAt < period.End);
        var faults = await (from f in db.TicketFaults
                            join t in inPeriod on f.TicketId equals t.Id
                            select new { t.Number, f.Kind }).AsNoTracking().ToListAsync(ct);
        var byTicket = faults.GroupBy(f => f.Number, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FaultKind>)g.Select(f => f.Kind).ToArray(), StringComparer.Ordinal);
        var rows = await inPeriod.AsNoTracking().Select(t => new
        {
            t.Number, t.Kind, t.Severity, t.Channel, t.Category, t.Status, Unit = t.HandlingUnitCode ?? t.ReceivingUnitCode, t.RevisitUnitCode,
            t.ReceivedAt, t.FirstReplyDueAt, t.FirstRoundReplyDueAt, t.RepliedAt, t.FirstRoundRepliedAt, t.DueAt, t.ClosedAt, t.RedoCount,
            t.UrgeCount, t.Satisfaction, t.Finding, t.ReplyFollowsTemplate, t.ReplyHasStamp,
            t.DispatchedAt, t.AcknowledgedAt, t.RedispatchCount,
        }).ToListAsync(ct);
        var facts = new List<TicketFact>(rows.Count);
        foreach (var r in rows)
        {
            // The first round's reply, as Ticket keeps it once sent back (see TicketFact.Of).
            var firstRound = r.FirstRoundReplyDueAt is not null;
            facts.Add(new TicketFact(
                r.Number, r.Kind, r.Severity, r.Channel, r.Category, r.Status, r.Unit, r.RevisitUnitCode, r.ReceivedAt,
                firstRound ? r.FirstRoundReplyDueAt!.Value : r.FirstReplyDueAt, firstRound ? r.FirstRoundRepliedAt : r.RepliedAt,
                r.DueAt, r.ClosedAt, r.RedoCount, r.UrgeCount, r.Satisfaction, r.Finding, r.ReplyFollowsTemplate, r.ReplyHasStamp,
                byTicket.GetValueOrDefault(r.Number) ?? [], r.DispatchedAt, r.AcknowledgedAt, r.RedispatchCount));
        }

        return facts;
    }

    /// <summary>Knowledge-base answers logged in the period (the whole centre: there is one knowledge base).</summary>
    public static async Task<KbFacts> LoadKbAsync(SunshineDbContext db, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        var log = db.KbAnswerLog.Where(r => r.At >= period.Start && r.At < period.End);
        var counts = await log.GroupBy(_ => 1).Select(g => new
        {
            Questions = g.Count(),
            Answered = g.Count(r => r.Status == "Answered"),
            Rated = g.Count(r => r.Helpful != null),
            Unhelpful = g.Count(r => r.Helpful == false),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? KbFacts.None : new KbFacts(counts.Questions, counts.Answered, counts.Rated, counts.Unhelpful);
    }
}
