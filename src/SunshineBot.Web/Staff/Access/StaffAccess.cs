using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Auth;

// EF Core translates the comparison-less string overloads (StartsWith, Contains) to SQL; the culture rules do not apply.
#pragma warning disable CA1307, CA1310
namespace SunshineBot.Web.Staff.Access;

/// <summary>
/// Who is calling, and what they may see: every ticket and unit query goes through here, so nothing outside the
/// caller's unit subtree is ever loaded.
/// </summary>
public sealed class StaffAccess(SunshineDbContext db)
{
    private StaffMember? _cached;

    /// <summary>The member behind the principal, or null when the account is gone, disabled or its password changed.</summary>
    public async Task<StaffMember?> FindAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (_cached is not null)
        {
            return _cached;
        }

        if (!long.TryParse(principal.FindFirstValue(StaffClaims.UserId), out var id))
        {
            return null;
        }

        var user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null || !user.Active || principal.FindFirstValue(StaffClaims.Stamp) != StaffClaims.StampOf(user))
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == user.UnitCode, ct);
        if (unit is null)
        {
            return null;
        }

        return _cached = new StaffMember(user.Id, user.UserName, user.DisplayName, user.Role, unit.Code, unit.Name, unit.Path, unit.ParentCode is null,
            StaffClaims.TimeOf(principal, StaffClaims.PasswordAt));
    }

    public async Task<StaffMember> RequireAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        await FindAsync(principal, ct) ?? throw new UnauthorizedAccessException("请重新登录。");

    public IQueryable<Unit> Units(StaffMember member) =>
        db.Units.Where(u => u.Path.StartsWith(member.UnitPath));

    public IQueryable<Ticket> Tickets(StaffMember member) => Scope(member, db.Tickets);

    /// <summary>
    /// Handlers see what was dispatched into their subtree; the other roles also what their subtree received. A
    /// ticket with no receiving unit (chat intake) belongs to the root.
    /// </summary>
    public IQueryable<Ticket> Scope(StaffMember member, IQueryable<Ticket> source)
    {
        var codes = Units(member).Select(u => u.Code);
        if (member.Role == StaffRole.Handler)
        {
            return source.Where(t => t.HandlingUnitCode != null && codes.Contains(t.HandlingUnitCode));
        }

        var root = member.IsRootUnit;
        return source.Where(t =>
            (t.HandlingUnitCode != null && codes.Contains(t.HandlingUnitCode))
            || (t.ReceivingUnitCode != null && codes.Contains(t.ReceivingUnitCode))
            || (root && t.ReceivingUnitCode == null));
    }

    /// <summary>The ticket with its timeline, tracked for changes; 404 when it does not exist or is out of scope.</summary>
    public async Task<Ticket> LoadTicketAsync(StaffMember member, string number, CancellationToken ct)
    {
        var key = (number ?? "").Trim().ToUpperInvariant();
        return await Scope(member, db.TicketsWithHistory).SingleOrDefaultAsync(t => t.Number == key, ct)
            ?? throw new StaffNotFoundException($"未找到工单 {key}。");
    }

    public async Task<Unit> LoadUnitAsync(StaffMember member, string code, CancellationToken ct)
    {
        var key = (code ?? "").Trim().ToUpperInvariant();
        return await Units(member).SingleOrDefaultAsync(u => u.Code == key, ct)
            ?? throw new StaffNotFoundException($"未找到单位 {key}。");
    }
}
