using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Tickets;

public class TicketNumberTests
{
    [Theory]
    [InlineData(2026, 11, 22, 17, "YG20261122-0017")]
    [InlineData(2026, 1, 5, 1, "YG20260105-0001")]
    [InlineData(2025, 12, 31, 9999, "YG20251231-9999")]
    [InlineData(2026, 11, 22, 12345, "YG20261122-12345")]
    public void Format_DayAndSequence_PrefixDateAndPaddedSequence(int year, int month, int day, int sequence, string expected)
    {
        Assert.Equal(expected, TicketNumber.Format(new DateOnly(year, month, day), sequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Format_SequenceBelowOne_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketNumber.Format(new DateOnly(2026, 11, 22), sequence));
    }

    [Theory]
    [InlineData("YG20261122-0017")]
    [InlineData("yg20261122-0017")]
    [InlineData("  YG20261122-0017 ")]
    [InlineData("YG 2026 1122 - 0017")]
    [InlineData("YG20261122－0017")]
    [InlineData("YG20261122—0017")]
    [InlineData("yg20261122\t-\u30000017")]
    public void Normalize_WhatPeopleType_TheCanonicalNumber(string typed)
    {
        Assert.Equal("YG20261122-0017", TicketNumber.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("20261122-0017")]
    [InlineData("YG20261122-001")]
    [InlineData("YG20261122_0017")]
    [InlineData("YG2026112A-0017")]
    [InlineData("YG20261122-00X7")]
    [InlineData("XX20261122-0017")]
    [InlineData("我的工单号是YG20261122-0017")]
    public void Normalize_NotANumber_Null(string? typed)
    {
        Assert.Null(TicketNumber.Normalize(typed));
    }

    [Theory]
    [InlineData("YG20261122-0017", true)]
    [InlineData("YG20261122-12345", true)]
    [InlineData("yg20261122-0017", false)]
    [InlineData("YG20261122 0017", false)]
    [InlineData("YG202611220017", false)]
    [InlineData("YG20261122-", false)]
    public void IsValid_CanonicalFormOnly(string text, bool expected)
    {
        Assert.Equal(expected, TicketNumber.IsValid(text));
    }

    [Fact]
    public void Format_OneDaysNumbers_SortOrdinallyBySequence()
    {
        var day = new DateOnly(2026, 11, 22);
        var inOrder = Enumerable.Range(1, 9999).Select(i => TicketNumber.Format(day, i)).ToList();
        var shuffled = inOrder.OrderBy(n => n.GetHashCode(StringComparison.Ordinal)).ToList();

        shuffled.Sort(StringComparer.Ordinal);

        Assert.Equal(inOrder, shuffled);
    }

    [Fact]
    public void Format_NumbersOfConsecutiveDays_SortByDayFirst()
    {
        var lateOnMonday = TicketNumber.Format(new DateOnly(2026, 11, 30), 9999);
        var firstOnTuesday = TicketNumber.Format(new DateOnly(2026, 12, 1), 1);
        var firstOfNextYear = TicketNumber.Format(new DateOnly(2027, 1, 1), 1);

        Assert.True(string.CompareOrdinal(lateOnMonday, firstOnTuesday) < 0);
        Assert.True(string.CompareOrdinal(firstOnTuesday, firstOfNextYear) < 0);
    }
}
