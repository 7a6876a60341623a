using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Staff;
using SunshineBot.Data;

namespace SunshineBot.Web.Staff.Auth;

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffUser? User, DateTimeOffset? LockedUntil = null)
{
    /// <summary>The same words for an unknown account, a disabled one and a wrong password: nothing to probe.</summary>
    public string Message => Outcome switch
    {
        SignInOutcome.LockedOut => "登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员。",
        SignInOutcome.WrongCredentials => "用户名或密码不正确。",
        _ => "",
    };
}

/// <summary>Checks a user name and password; five failures in a row lock the account for fifteen minutes.</summary>
public sealed class SignInStaff(SunshineDbContext db, IPasswordHasher<StaffUser> hasher, IOptions<StaffOptions> options, Security.AuditLog audit, TimeProvider clock, ILogger<SignInStaff> logger)
{
    /// <param name="successKind">What a success is recorded as in the audit log: a sign-in, or a re-authentication.</param>
    public async Task<SignInResult> RunAsync(string? userName, string? password, CancellationToken ct, string successKind = Security.AuditKinds.Login)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var user = name.Length == 0 ? null : await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == name, ct);
        var now = clock.GetUtcNow();
        if (user is null || !user.Active)
        {
            logger.LogInformation("Staff sign-in refused: unknown or disabled account");
            audit.Add(Security.AuditKinds.LoginFailed, name.Length == 0 ? "（空）" : name, null, null, user is null ? "账号不存在" : "账号已停用");
            await SaveAsync(ct);
            return new SignInResult(SignInOutcome.WrongCredentials, null);
        }

        if (user.IsLockedOut(now))
        {
            logger.LogWarning("Staff sign-in refused: account {User} is locked", user.UserName);
            audit.Add(Security.AuditKinds.LoginFailed, user.UserName, user.UnitCode, null, "账号锁定中");
            await SaveAsync(ct);
            return new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil);
        }

        var verified = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            user.RecordFailedLogin(now, options.Value.MaxFailedLogins, TimeSpan.FromMinutes(options.Value.LockoutMinutes));
            audit.Add(Security.AuditKinds.LoginFailed, user.UserName, user.UnitCode, null, "密码错误");
            if (user.IsLockedOut(now))
            {
                audit.Add(Security.AuditKinds.Lockout, user.UserName, user.UnitCode, null, $"连续 {options.Value.MaxFailedLogins} 次密码错误");
            }

            await SaveAsync(ct);
            logger.LogWarning("Staff sign-in failed for {User}", user.UserName);
            return user.IsLockedOut(now)
                ? new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil)
                : new SignInResult(SignInOutcome.WrongCredentials, null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, password!));
        }

        user.RecordSuccessfulLogin();
        audit.Add(successKind, user.UserName, user.UnitCode);
        await SaveAsync(ct);
        return new SignInResult(SignInOutcome.Success, user);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two sign-ins at once: one count is lost, which only ever errs towards a later lockout by one attempt.
        }
    }
}
