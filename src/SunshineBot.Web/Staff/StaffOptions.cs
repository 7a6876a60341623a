namespace SunshineBot.Web.Staff;

/// <summary>Configuration section <c>Staff</c>: sign-in, tokens, replies and stamp images.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Lifetime of an API bearer token.</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Longest a page sign-in lasts, however active (then the password is asked again).</summary>
    public int CookieLifetimeMinutes { get; set; } = 480;

    /// <summary>Idle time after which the page sign-in expires (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Reveal, export and account or role changes need the password typed within this many minutes.</summary>
    public int ReauthenticateMinutes { get; set; } = 10;

    /// <summary>Folder for stamp images; relative paths resolve against the content root.</summary>
    public string DataPath { get; set; } = "data";

    public int MaxStampBytes { get; set; } = 512 * 1024;

    public int PageSize { get; set; } = 20;

    /// <summary>
    /// The queue counts finished tickets up to this many (then it says "more than"): an exact count reads every index
    /// entry of a million-ticket ledger on each view, and nobody pages through more than this without a filter.
    /// </summary>
    public int EndedCountLimit { get; set; } = 10_000;

    public ReplyRuleOptions Reply { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        if (MaxFailedLogins < 1)
        {
            yield return "Staff:MaxFailedLogins must be at least 1";
        }

        if (LockoutMinutes < 1 || TokenLifetimeMinutes < 1 || CookieLifetimeMinutes < 1)
        {
            yield return "Staff:LockoutMinutes, TokenLifetimeMinutes and CookieLifetimeMinutes must be positive";
        }

        if (IdleTimeoutMinutes < 1 || IdleTimeoutMinutes > CookieLifetimeMinutes)
        {
            yield return "Staff:IdleTimeoutMinutes must be between 1 and Staff:CookieLifetimeMinutes";
        }

        if (ReauthenticateMinutes < 1)
        {
            yield return "Staff:ReauthenticateMinutes must be at least 1";
        }

        if (string.IsNullOrWhiteSpace(DataPath))
        {
            yield return "Staff:DataPath is empty";
        }

        if (MaxStampBytes is < 1024 or > 10 * 1024 * 1024)
        {
            yield return "Staff:MaxStampBytes must be between 1 KB and 10 MB";
        }

        if (PageSize is < 5 or > 200)
        {
            yield return "Staff:PageSize must be between 5 and 200";
        }

        if (EndedCountLimit < PageSize)
        {
            yield return "Staff:EndedCountLimit must be at least Staff:PageSize";
        }

        foreach (var error in Reply.Validate())
        {
            yield return error;
        }
    }
}

/// <summary><c>Staff:Reply</c>: what a reply must have before it may go to the parent (seed 004: thin replies are faults).</summary>
public sealed class ReplyRuleOptions
{
    /// <summary>Replies go to review (待审核) before the parent sees them.</summary>
    public bool RequireReview { get; set; } = true;

    /// <summary>Refuse replies while the handling unit has no stamp image (seed 001: an unstamped reply is a fault).</summary>
    public bool RequireStamp { get; set; } = true;

    /// <summary>Fewest meaningful characters (letters and digits, no spaces or punctuation) in the reply body.</summary>
    public int MinLength { get; set; } = 30;

    /// <summary>Regular expressions for boilerplate; a body that is nothing but these is refused.</summary>
    public List<string> BoilerplatePatterns { get; set; } =
    [
        "已转.{0,20}?(处理|办理|核实|调查)",
        "已转交.{0,20}",
        "已收悉",
        "已联系.{0,20}",
        "正在(处理|核实|调查)中?",
        "请耐心等待",
        "感谢(您的)?(关注|支持|反映)",
    ];

    public IEnumerable<string> Validate()
    {
        if (MinLength is < 0 or > 2000)
        {
            yield return "Staff:Reply:MinLength must be between 0 and 2000";
        }

        foreach (var pattern in BoilerplatePatterns)
        {
            string? error = null;
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                error = $"Staff:Reply:BoilerplatePatterns: '{pattern}' is not a valid pattern ({e.Message})";
            }

            if (error is not null)
            {
                yield return error;
            }
        }
    }
}
