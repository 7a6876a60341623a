using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Audit;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Security;

/// <summary>
/// 安全日志 for centre admins: the newest audit entries of accounts in their unit subtree (the root admin also sees
/// failed sign-ins of unknown names), optionally of one kind.
/// </summary>
public sealed class ListAuditLog(SunshineDbContext db, StaffAccess access)
{
    public const int Take = 200;

    public async Task<IReadOnlyList<AuditEntry>> RunAsync(StaffMember member, string? kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        StaffPermissions.DemandAdmin(member);
        var codes = access.Units(member).Select(u => u.Code);
        var root = member.IsRootUnit;
        var query = db.AuditLog.AsNoTracking().Where(a => (a.ActorUnitCode != null && codes.Contains(a.ActorUnitCode)) || (root && a.ActorUnitCode == null));
        if (kind is { Length: > 0 } && AuditKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            query = query.Where(a => a.Kind == kind);
        }

        return await query.OrderByDescending(a => a.Id).Take(Take).ToListAsync(ct);
    }
}
