using SunshineBot.Testing;
using SunshineBot.WeChat.Security;

namespace SunshineBot.WeChat.Tests.Security;

public sealed class WeChatTimestampWindowTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_715_943_329);

    private static WeChatTimestampWindow Window(int seconds = 300) => new(new TestClock(Now), seconds);

    [Theory]
    [InlineData(0)]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(-42)]
    public void IsFresh_WithinWindow_IsTrue(int offset) =>
        Assert.True(Window().IsFresh((1_715_943_329 + offset).ToString()));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void IsFresh_OutsideWindow_IsFalse(int offset) =>
        Assert.False(Window().IsFresh((1_715_943_329 + offset).ToString()));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1715943329")]
    [InlineData(" 1715943329")]
    [InlineData("1715943329.5")]
    [InlineData("99999999999999999999999")]
    public void IsFresh_MissingOrMalformed_IsFalse(string? timestamp) =>
        Assert.False(Window().IsFresh(timestamp));

    [Fact]
    public void IsFresh_HugeValueNearLongMax_DoesNotOverflowIntoWindow() =>
        Assert.False(Window().IsFresh(long.MaxValue.ToString()));

    [Fact]
    public void IsFresh_ClockMovesOn_OldTimestampBecomesStale()
    {
        var clock = new TestClock(Now);
        var window = new WeChatTimestampWindow(clock, 60);
        Assert.True(window.IsFresh("1715943329"));
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.False(window.IsFresh("1715943329"));
    }

    [Fact]
    public void Constructor_NonPositiveWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeChatTimestampWindow(new TestClock(Now), 0));
}
