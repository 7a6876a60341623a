using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Knowledge;
using SunshineBot.Knowledge.Content;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Knowledge;

public sealed record KbEntryRow(KbEntry Entry, int Answered, int Unhelpful);

public sealed record KbOverview(IReadOnlyList<KbEntryRow> Entries, KbBuildReport LastBuild);

/// <summary>The knowledge base for staff: its entries with how often each answered and was marked unhelpful; re-index.</summary>
public sealed class KnowledgeAdmin(KnowledgeBase kb, SunshineDbContext db, ILogger<KnowledgeAdmin> logger)
{
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
        return new KbOverview(rows, kb.LastBuild);
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
