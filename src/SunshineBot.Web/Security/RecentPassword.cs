using Microsoft.Extensions.Options;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Security;

/// <summary>
/// Re-authentication for the acts that matter most (revealing a contact, exporting the ledger, creating accounts and
/// changing roles, units or passwords): the password must have been typed within <c>Staff:ReauthenticateMinutes</c>.
/// A page sends the member to <c>/staff/reauth</c>; the API answers 401 and a fresh token is the new password entry.
/// </summary>
public sealed class RecentPassword(IOptions<StaffOptions> options, TimeProvider clock)
{
    public void Demand(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var window = TimeSpan.FromMinutes(options.Value.ReauthenticateMinutes);
        if (member.PasswordAt is not { } at || clock.GetUtcNow() - at > window)
        {
            throw new StaffReauthenticationException(
                $"此操作需要在 {options.Value.ReauthenticateMinutes} 分钟内验证过密码，请重新输入密码后再试。");
        }
    }
}

/// <summary>The password was not typed recently enough for this act.</summary>
public sealed class StaffReauthenticationException(string message) : Exception(message);
