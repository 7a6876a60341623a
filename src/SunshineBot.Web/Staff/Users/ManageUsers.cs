using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Users;

public sealed record AddUserRequest(string UserName, string DisplayName, string Password, StaffRole Role, string UnitCode);

/// <summary>Accounts in the caller's unit subtree: list, add, reset a password, disable. Centre admins only.</summary>
public sealed class ManageUsers(StaffAccess access, SunshineDbContext db, IPasswordHasher<StaffUser> hasher, RecentPassword recent, AuditLog audit, TimeProvider clock, ILogger<ManageUsers> logger)
{
    public const int MinPasswordLength = 8;

    public async Task<IReadOnlyList<StaffUser>> ListAsync(StaffMember member, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var codes = access.Units(member).Select(u => u.Code);
        return await db.StaffUsers.AsNoTracking().Where(u => codes.Contains(u.UnitCode)).OrderBy(u => u.UnitCode).ThenBy(u => u.UserName).ToListAsync(ct);
    }

    public async Task<StaffUser> AddAsync(StaffMember member, AddUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.DemandAdmin(member);
        if (!Enum.IsDefined(request.Role))
        {
            throw new DomainException("请选择角色。");
        }

        CheckPassword(request.Password);
        recent.Demand(member);
        var unit = await access.LoadUnitAsync(member, request.UnitCode, ct);
        var user = StaffUser.Create(request.UserName, request.DisplayName, "", request.Role, unit.Code, clock.GetUtcNow());
        if (await db.StaffUsers.AnyAsync(u => u.UserName == user.UserName, ct))
        {
            throw new DomainException($"用户名 {user.UserName} 已存在。");
        }

        user.SetPasswordHash(hasher.HashPassword(user, request.Password));
        db.StaffUsers.Add(user);
        audit.Add(member, AuditKinds.AccountCreated, user.UserName, $"{Access.StaffRoleLabels.Of(user.Role)} · {unit.Code}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff account {User} created by {Admin}", user.UserName, member.UserName);
        return user;
    }

    public async Task ResetPasswordAsync(StaffMember member, string userName, string password, CancellationToken ct)
    {
        CheckPassword(password);
        var user = await FindAsync(member, userName, ct);
        recent.Demand(member);
        user.SetPasswordHash(hasher.HashPassword(user, password));
        audit.Add(member, AuditKinds.PasswordReset, user.UserName);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Password of {User} reset by {Admin}", user.UserName, member.UserName);
    }

    public async Task DisableAsync(StaffMember member, string userName, CancellationToken ct)
    {
        var user = await FindAsync(member, userName, ct);
        if (user.Id == member.UserId)
        {
            throw new DomainException("不能停用自己的账号。");
        }

        user.Disable();
        audit.Add(member, AuditKinds.AccountDisabled, user.UserName);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff account {User} disabled by {Admin}", user.UserName, member.UserName);
    }

    /// <summary>Changes an account's role and unit (within the caller's subtree). Admins cannot change their own.</summary>
    public async Task AssignAsync(StaffMember member, string userName, StaffRole role, string unitCode, CancellationToken ct)
    {
        var user = await FindAsync(member, userName, ct);
        if (user.Id == member.UserId)
        {
            throw new DomainException("不能修改自己的角色或单位，请另一位管理员操作。");
        }

        var unit = await access.LoadUnitAsync(member, unitCode, ct);
        recent.Demand(member);
        if (user.Role != role)
        {
            audit.Add(member, AuditKinds.RoleChanged, user.UserName, $"{Access.StaffRoleLabels.Of(user.Role)} → {Access.StaffRoleLabels.Of(role)}");
        }

        if (user.UnitCode != unit.Code)
        {
            audit.Add(member, AuditKinds.UnitChanged, user.UserName, $"{user.UnitCode} → {unit.Code}");
        }

        user.Assign(role, unit.Code);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff account {User} assigned {Role} at {Unit} by {Admin}", user.UserName, role, unit.Code, member.UserName);
    }

    public async Task EnableAsync(StaffMember member, string userName, CancellationToken ct)
    {
        var user = await FindAsync(member, userName, ct);
        user.Enable();
        audit.Add(member, AuditKinds.AccountEnabled, user.UserName);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff account {User} re-enabled by {Admin}", user.UserName, member.UserName);
    }

    /// <summary>Binds (or with a blank value unbinds) the WeChat OpenID that the account's alerts are sent to.</summary>
    public async Task SetWeChatOpenIdAsync(StaffMember member, string userName, string? openId, CancellationToken ct)
    {
        var user = await FindAsync(member, userName, ct);
        user.SetWeChatOpenId(openId);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("WeChat alerts of {User} {State} by {Admin}", user.UserName, user.WeChatOpenId is null ? "turned off" : "bound", member.UserName);
    }

    public static void CheckPassword(string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            throw new DomainException($"密码至少{MinPasswordLength}位。");
        }
    }

    private async Task<StaffUser> FindAsync(StaffMember member, string userName, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var codes = access.Units(member).Select(u => u.Code);
        return await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == name && codes.Contains(u.UnitCode), ct)
            ?? throw new StaffNotFoundException($"未找到账号 {name}。");
    }
}
