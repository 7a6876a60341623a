using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Units;
using SunshineBot.Data;

namespace SunshineBot.Web.Chat;

/// <summary>Schools, kindergartens and departments a parent can name, matched by <see cref="SchoolMatcher"/>.</summary>
public sealed class UnitDirectory(SunshineDbContext db) : IUnitDirectory
{
    public async Task<IReadOnlyList<UnitCandidate>> FindAsync(string text, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var units = await db.Units.AsNoTracking()
            .Where(u => u.Active && (u.Kind == UnitKind.School || u.Kind == UnitKind.Kindergarten))
            .Select(u => new UnitCandidate(u.Code, u.Name))
            .ToListAsync(ct);
        return SchoolMatcher.Rank(units, text, limit);
    }

    public async Task<UnitCandidate?> GetAsync(string code, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Code == code && u.Active).Select(u => new UnitCandidate(u.Code, u.Name)).FirstOrDefaultAsync(ct);
}
