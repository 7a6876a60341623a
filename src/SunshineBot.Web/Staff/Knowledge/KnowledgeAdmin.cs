using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Staff.Knowledge;

public sealed record KbEntryRow(KbEntry Entry, int Answered, int Unhelpful);

/// <summary>One answer a parent marked as not helpful: what they asked, and which entry answered.</summary>
public sealed record KbUnhelpfulAnswer(DateTimeOffset At, string Question, string? EntryId, string? EntryTitle);

/// <param name="WithFeedback">Answers the parent rated either way.</param>
/// <param name="Unhelpful">Of those, the ones marked not helpful (seed 004 wants the error rate under 10 %).</param>
public sealed record KbOverview(IReadOnlyList<KbEntryRow> Entries, KbBuildReport LastBuild, IReadOnlyList<KbUnhelpfulAnswer> RecentUnhelpful, int WithFeedback, int Unhelpful)
{
    public double? ErrorRate => WithFeedback == 0 ? null : (double)Unhelpful / WithFeedback;
}

/// <summary>The knowledge base for staff: its entries with how often each answered and was marked unhelpful; re-index.</summary>
public sealed class KnowledgeAdmin(KnowledgeBase kb, SunshineDbContext db, ILogger<KnowledgeAdmin> logger)
{
    public const int RecentUnhelpfulCount = 50;

    public async Task<KbOverview> OverviewAsync(StaffMember member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var stats = await db.KbAnswerLog.AsNoTracking()
            .Where(r => r.EntryId != null)
            .GroupBy(r => r.EntryId!)
            .Select(g => new { Id = g.Key, Answered = g.Count(), Unhelpful = g.Count(r => r.Helpful == false) })
            .ToDictionaryAsync(x => x.Id, ct);
        var rows = kb.Entries
            .Select(e => stats.TryGetValue(e.Id, out var s) ? new KbEntryRow(e, s.Answered, s.Unhelpful) : new KbEntryRow(e, 0, 0))
            .OrderByDescending(r => r.Unhelpful)
            .ThenBy(r => r.Entry.Topic, StringComparer.Ordinal)
            .ThenBy(r => r.Entry.Id, StringComparer.Ordinal)
            .ToList();
        var titles = kb.Entries.ToDictionary(e => e.Id, e => e.Title, StringComparer.Ordinal);
        var recent = await db.KbAnswerLog.AsNoTracking()
            .Where(r => r.Helpful == false)
            .OrderByDescending(r => r.Id)
            .Take(RecentUnhelpfulCount)
            .ToListAsync(ct);
        var unhelpful = recent
            .Select(r => new KbUnhelpfulAnswer(r.At, FreeTextMask.MaskPatterns(r.Question), r.EntryId, r.EntryId is null ? null : titles.GetValueOrDefault(r.EntryId)))
            .ToList();
        var withFeedback = await db.KbAnswerLog.CountAsync(r => r.Helpful != null, ct);
        var unhelpfulCount = await db.KbAnswerLog.CountAsync(r => r.Helpful == false, ct);
        return new KbOverview(rows, kb.LastBuild, unhelpful, withFeedback, unhelpfulCount);
    }

    /// <summary>Reloads <c>kb/</c> and swaps the new index in; answers keep coming from the old one until then.</summary>
    public KbBuildReport Rebuild(StaffMember member)
    {
        StaffPermissions.DemandAdmin(member);
        var report = kb.Rebuild();
        logger.LogInformation("Knowledge base re-indexed by {User}: {Entries} entries", member.UserName, report.EntryCount);
        return report;
    }
}
