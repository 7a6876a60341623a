using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Staff.Access;

/// <summary>The signed-in staff member as the database has them now (role and unit are never taken from the cookie).</summary>
/// <param name="PasswordAt">When the password was last typed in this session (re-authentication).</param>
public sealed record StaffMember(long UserId, string UserName, string DisplayName, StaffRole Role, string UnitCode, string UnitName, string UnitPath, bool IsRootUnit, DateTimeOffset? PasswordAt = null)
{
    public Actor Actor => new($"staff:{UserId}", DisplayName);

    public bool IsAdmin => Role == StaffRole.CentreAdmin;
}

/// <summary>Not found, or outside the caller's unit subtree: the two are never told apart.</summary>
public sealed class StaffNotFoundException(string message) : Exception(message);

/// <summary>The caller's role may not do this.</summary>
public sealed class StaffForbiddenException(string message) : Exception(message);

public static class StaffRoleLabels
{
    public static string Of(StaffRole role) => role switch
    {
        StaffRole.CentreAdmin => "中心管理员",
        StaffRole.Handler => "承办人",
        StaffRole.Leader => "领导",
        _ => "查看",
    };
}
