using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Units;
using SunshineBot.Data;

namespace SunshineBot.Web.Chat;

/// <summary>Schools, kindergartens and departments a parent can name, matched on part of the name.</summary>
public sealed class UnitDirectory(SunshineDbContext db) : IUnitDirectory
{
    public async Task<IReadOnlyList<UnitCandidate>> FindAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        if (needle.Length == 0)
        {
            return [];
        }

        var units = await db.Units.AsNoTracking()
            .Where(u => u.Active && (u.Kind == UnitKind.School || u.Kind == UnitKind.Kindergarten))
            .Select(u => new { u.Code, u.Name })
            .ToListAsync(ct);

        // Containment first, then names sharing most characters ("一小" → 第一小学).
        return units
            .Select(u => (u.Code, u.Name, Score: u.Name.Contains(needle, StringComparison.Ordinal) ? 100 : Shared(u.Name, needle)))
            .Where(u => u.Score >= Math.Min(needle.Length, 2) && u.Score * 2 >= needle.Length)
            .OrderByDescending(u => u.Score).ThenBy(u => u.Name.Length)
            .Take(limit)
            .Select(u => new UnitCandidate(u.Code, u.Name))
            .ToList();
    }

    public async Task<UnitCandidate?> GetAsync(string code, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Code == code && u.Active).Select(u => new UnitCandidate(u.Code, u.Name)).FirstOrDefaultAsync(ct);

    private static int Shared(string name, string needle) => needle.Distinct().Count(c => name.Contains(c, StringComparison.Ordinal));
}
