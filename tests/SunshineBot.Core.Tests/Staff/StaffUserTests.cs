using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Staff;

public class StaffUserTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private const int MaxFailures = 5;

    private static StaffUser NewUser() => StaffUser.Create("Li.Handler", "李承办", "hash-1", StaffRole.Handler, "ZH001", Start);

    [Fact]
    public void Create_MixedCaseUserName_LowerCasedAndRecorded()
    {
        var user = StaffUser.Create("  Wang_Centre-1 ", " ", "hash", StaffRole.CentreAdmin, "HY", Start);

        Assert.Equal("wang_centre-1", user.UserName);
        Assert.Equal("wang_centre-1", user.DisplayName);
        Assert.Equal(StaffRole.CentreAdmin, user.Role);
        Assert.Equal("HY", user.UnitCode);
        Assert.Equal(Start, user.CreatedAt);
        Assert.True(user.Active);
        Assert.False(user.IsLockedOut(Start));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("王五")]
    [InlineData("li handler")]
    [InlineData("li@handler")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijx")]
    public void Create_BadUserName_Refused(string userName)
    {
        Assert.Throws<DomainException>(() => StaffUser.Create(userName, "x", "hash", StaffRole.Viewer, "HY", Start));
    }

    [Fact]
    public void RecordFailedLogin_FourTimes_NotLocked()
    {
        var user = NewUser();

        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedLogin(Start.AddMinutes(i), MaxFailures, Lockout);
        }

        Assert.Equal(4, user.FailedLogins);
        Assert.False(user.IsLockedOut(Start.AddMinutes(4)));
    }

    [Fact]
    public void RecordFailedLogin_FifthInARow_LocksForFifteenMinutes()
    {
        var user = NewUser();
        var fifth = Start.AddMinutes(4);

        for (var i = 0; i < 5; i++)
        {
            user.RecordFailedLogin(Start.AddMinutes(i), MaxFailures, Lockout);
        }

        Assert.Equal((DateTimeOffset?)fifth.AddMinutes(15), user.LockedUntil);
        Assert.True(user.IsLockedOut(fifth));
        Assert.True(user.IsLockedOut(fifth.AddMinutes(15).AddSeconds(-1)));
        Assert.False(user.IsLockedOut(fifth.AddMinutes(15)));
    }

    [Fact]
    public void RecordSuccessfulLogin_AfterFailures_ResetsTheCount()
    {
        var user = NewUser();
        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedLogin(Start.AddMinutes(i), MaxFailures, Lockout);
        }

        user.RecordSuccessfulLogin();
        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedLogin(Start.AddMinutes(10 + i), MaxFailures, Lockout);
        }

        Assert.False(user.IsLockedOut(Start.AddMinutes(14)));
        Assert.Equal(4, user.FailedLogins);
    }

    [Fact]
    public void RecordSuccessfulLogin_WhileLocked_Unlocks()
    {
        var user = NewUser();
        for (var i = 0; i < 5; i++)
        {
            user.RecordFailedLogin(Start, MaxFailures, Lockout);
        }

        user.RecordSuccessfulLogin();

        Assert.Null(user.LockedUntil);
        Assert.Equal(0, user.FailedLogins);
        Assert.False(user.IsLockedOut(Start));
    }

    [Fact]
    public void SetPasswordHash_LockedAccount_NewHashAndUnlocked()
    {
        var user = NewUser();
        for (var i = 0; i < 5; i++)
        {
            user.RecordFailedLogin(Start, MaxFailures, Lockout);
        }

        user.SetPasswordHash("hash-2");

        Assert.Equal("hash-2", user.PasswordHash);
        Assert.False(user.IsLockedOut(Start.AddMinutes(1)));
    }

    [Fact]
    public void Disable_Account_Inactive()
    {
        var user = NewUser();

        user.Disable();

        Assert.False(user.Active);
    }
}
