using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Units;

public sealed record AddUnitRequest(string ParentCode, string Code, string Name, UnitKind Kind, string? ContactPhone);

public sealed record RenameUnitRequest(string Code, string Name, string? ContactPhone);

/// <summary>The unit tree below the caller's unit: list it, add children, rename, deactivate.</summary>
public sealed class ManageUnits(StaffAccess access, SunshineDbContext db)
{
    /// <summary>The caller's subtree in tree order (by path).</summary>
    public async Task<IReadOnlyList<Unit>> ListAsync(StaffMember member, CancellationToken ct)
    {
        var units = await access.Units(member).AsNoTracking().ToListAsync(ct);
        return units.OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<Unit> AddAsync(StaffMember member, AddUnitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.DemandAdmin(member);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new DomainException("请选择单位类型。");
        }

        var parent = await access.LoadUnitAsync(member, request.ParentCode, ct);
        var child = parent.CreateChild(request.Code, request.Name, request.Kind, request.ContactPhone);
        if (await db.Units.AnyAsync(u => u.Code == child.Code, ct))
        {
            throw new DomainException($"单位代码 {child.Code} 已被使用。");
        }

        db.Units.Add(child);
        await db.SaveChangesAsync(ct);
        return child;
    }

    public async Task<Unit> RenameAsync(StaffMember member, RenameUnitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.DemandAdmin(member);
        var unit = await TrackedAsync(member, request.Code, ct);
        unit.Rename(request.Name, request.ContactPhone);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task DeactivateAsync(StaffMember member, string code, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var unit = await TrackedAsync(member, code, ct);
        if (unit.Code == member.UnitCode)
        {
            throw new DomainException("不能停用自己所在的单位。");
        }

        unit.Deactivate();
        await db.SaveChangesAsync(ct);
    }

    private async Task<Unit> TrackedAsync(StaffMember member, string code, CancellationToken ct) =>
        await access.LoadUnitAsync(member, code, ct);
}
