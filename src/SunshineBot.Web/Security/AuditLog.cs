using SunshineBot.Data;
using SunshineBot.Data.Audit;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Security;

/// <summary>The kinds of <see cref="AuditEntry"/>, with the words the audit page shows.</summary>
public static class AuditKinds
{
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Lockout = "lockout";
    public const string Reauthenticated = "reauth";
    public const string Reveal = "reveal";
    public const string Export = "export";
    public const string AccountCreated = "account-created";
    public const string PasswordReset = "password-reset";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string RoleChanged = "role-changed";
    public const string UnitChanged = "unit-changed";
    public const string Retention = "retention";

    public static IReadOnlyList<string> All { get; } =
        [Login, LoginFailed, Lockout, Reauthenticated, Reveal, Export, AccountCreated, PasswordReset, AccountDisabled, AccountEnabled, RoleChanged, UnitChanged, Retention];

    public static string Label(string kind) => kind switch
    {
        Login => "登录",
        LoginFailed => "登录失败",
        Lockout => "账号锁定",
        Reauthenticated => "重新验证密码",
        Reveal => "查看联系方式",
        Export => "导出台账",
        AccountCreated => "新建账号",
        PasswordReset => "重置密码",
        AccountDisabled => "停用账号",
        AccountEnabled => "启用账号",
        RoleChanged => "修改角色",
        UnitChanged => "修改单位",
        Retention => "超期匿名化",
        _ => kind,
    };
}

/// <summary>
/// Adds audit entries to the caller's unit of work (saved with its change, so an act and its record stand or fall
/// together). The client address comes from the current request.
/// </summary>
public sealed class AuditLog(SunshineDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Add(StaffMember member, string kind, string? subject = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        Add(kind, member.UserName, member.UnitCode, subject, detail);
    }

    public void Add(string kind, string actor, string? actorUnitCode, string? subject = null, string? detail = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            Actor = Cut(actor, 64) ?? "",
            ActorUnitCode = actorUnitCode,
            Subject = Cut(subject, 100),
            Detail = Cut(detail, 500),
            Address = Cut(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), 64),
        });

    private static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
