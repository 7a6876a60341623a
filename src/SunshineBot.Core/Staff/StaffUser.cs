namespace SunshineBot.Core.Staff;

/// <summary>What a staff account may do; every query is also limited to the account's unit subtree.</summary>
public enum StaffRole
{
    /// <summary>中心管理员: everything in the unit subtree, dispatch, review, accounts.</summary>
    CentreAdmin,

    /// <summary>承办人: tickets dispatched to the unit.</summary>
    Handler,

    /// <summary>领导: read, instruct, approve.</summary>
    Leader,

    /// <summary>查看: read-only (an upper-level supervisor).</summary>
    Viewer,
}

/// <summary>A staff account. The password hash is made by the host (ASP.NET Core's PasswordHasher).</summary>
public sealed class StaffUser
{
    private StaffUser()
    {
        UserName = "";
        DisplayName = "";
        PasswordHash = "";
        UnitCode = "";
    }

    public long Id { get; private set; }

    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public string PasswordHash { get; private set; }

    public StaffRole Role { get; private set; }

    public string UnitCode { get; private set; }

    public bool Active { get; private set; } = true;

    public int FailedLogins { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The staff member's OpenID on the bureau's Official Account: alerts (重大特急件, overdue, 发回重办) also go there
    /// as WeChat template messages. Null: the admin page's notification list only.
    /// </summary>
    public string? WeChatOpenId { get; private set; }

    public int Version { get; private set; }

    public static StaffUser Create(string userName, string displayName, string passwordHash, StaffRole role, string unitCode, DateTimeOffset at)
    {
        var name = userName.Trim().ToLowerInvariant();
        if (name.Length is < 2 or > 40 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new Tickets.DomainException("用户名只能由2到40位字母、数字、. _ - 组成。");
        }

        return new StaffUser
        {
            UserName = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            PasswordHash = passwordHash,
            Role = role,
            UnitCode = unitCode,
            CreatedAt = at,
        };
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed login; the fifth in a row locks the account for <paramref name="lockout"/>.</summary>
    public void RecordFailedLogin(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        FailedLogins++;
        if (FailedLogins >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedLogins = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLogins = 0;
        LockedUntil = null;
    }

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        FailedLogins = 0;
        LockedUntil = null;
    }

    public void Disable() => Active = false;

    /// <summary>Re-opens a disabled account; failed logins and a lockout are cleared with it.</summary>
    public void Enable()
    {
        Active = true;
        FailedLogins = 0;
        LockedUntil = null;
    }

    /// <summary>Moves the account to another role and unit (a transfer, a promotion); effective on its next request.</summary>
    public void Assign(StaffRole role, string unitCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitCode);
        Role = Enum.IsDefined(role) ? role : throw new Tickets.DomainException("请选择角色。");
        UnitCode = unitCode;
    }

    /// <summary>Sets or clears (null or blank) the WeChat OpenID that alerts are sent to.</summary>
    public void SetWeChatOpenId(string? openId)
    {
        var id = openId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            WeChatOpenId = null;
            return;
        }

        // OpenIDs are 28 URL-safe characters today; allow some room, nothing else.
        if (id.Length is < 6 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new Tickets.DomainException("微信 OpenID 格式不对：应为公众号后台“用户管理”中显示的一串字母、数字、_ 或 -。");
        }

        WeChatOpenId = id;
    }
}
