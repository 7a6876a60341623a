using SunshineBot.Core.Tests.TestData;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Calendar;

/// <summary>AddWorkingDays / WorkingDaysBetween / IsWorkingTime on the real calendar.</summary>
public partial class WorkingDayCalendarTests
{
    public static TheoryData<DateTimeOffset, int, DateTimeOffset> KnownDeadlines() => new()
    {
        // National Day: 10-01…10-07 off, then Thu 10-08, Fri 10-09 and the make-up Saturday 10-10.
        { Beijing(2026, 9, 30, 16), 3, Beijing(2026, 10, 10, 16) },
        { Beijing(2026, 9, 30, 16), 4, Beijing(2026, 10, 12, 16) },
        // The make-up Sunday before it counts.
        { Beijing(2026, 9, 18, 9), 1, Beijing(2026, 9, 20, 9) },
        // Spring Festival: Friday 02-13 + 1 is the make-up Saturday; then nothing until Tuesday 02-24.
        { Beijing(2026, 2, 13, 10), 1, Beijing(2026, 2, 14, 10) },
        { Beijing(2026, 2, 13, 10), 2, Beijing(2026, 2, 24, 10) },
        { Beijing(2026, 2, 13, 10), 6, Beijing(2026, 2, 28, 10) },
        // Intake on a holiday counts from the next working day.
        { Beijing(2026, 2, 18, 11), 1, Beijing(2026, 2, 24, 11) },
        // Friday-evening intake: Monday, Tuesday, Wednesday.
        { Beijing(2026, 11, 20, 20), 3, Beijing(2026, 11, 25, 20) },
        { Beijing(2026, 11, 21, 10), 1, Beijing(2026, 11, 23, 10) },
        // Zero keeps the instant, even on a holiday.
        { Beijing(2026, 10, 3, 12), 0, Beijing(2026, 10, 3, 12) },
        // End of 2026 into 2027, which the file does not list: only weekends apply (Fri 2027-01-01 counts).
        { Beijing(2026, 12, 31, 10), 1, Beijing(2027, 1, 1, 10) },
        { Beijing(2026, 12, 31, 10), 2, Beijing(2027, 1, 4, 10) },
        // End of 2025 into New Year 2026 (01-01…01-03 off, make-up Sunday 01-04).
        { Beijing(2025, 12, 31, 10), 1, Beijing(2026, 1, 4, 10) },
        { Beijing(2025, 12, 31, 10), 2, Beijing(2026, 1, 5, 10) },
        // Backwards.
        { Beijing(2026, 10, 8, 10), -1, Beijing(2026, 9, 30, 10) },
        { Beijing(2026, 2, 24, 10), -1, Beijing(2026, 2, 14, 10) },
    };

    [Theory]
    [MemberData(nameof(KnownDeadlines))]
    public void AddWorkingDays_KnownCase_LandsOnExpectedInstant(DateTimeOffset start, int days, DateTimeOffset expected)
    {
        var result = TestCalendars.Real().AddWorkingDays(start, days);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void AddWorkingDays_EndOf2026_LeavesTheCoveredYears()
    {
        var calendar = TestCalendars.Real();

        var result = calendar.AddWorkingDays(Beijing(2026, 12, 31, 10), 1);

        Assert.Equal(new DateOnly(2027, 1, 1), calendar.LocalDate(result));
        Assert.False(calendar.Covers(calendar.LocalDate(result).Year));
    }

    [Fact]
    public void AddWorkingDays_StartGivenInUtc_ReadsTheShanghaiDate()
    {
        var calendar = TestCalendars.Real();
        // 2026-10-07T20:00Z is already Thursday 10-08 04:00 in Beijing, the first working day after the holiday.
        var start = new DateTimeOffset(2026, 10, 7, 20, 0, 0, TimeSpan.Zero);

        var result = calendar.AddWorkingDays(start, 1);

        Assert.Equal(new DateOnly(2026, 10, 8), calendar.LocalDate(start));
        Assert.Equal(Beijing(2026, 10, 9, 4), result);
        Assert.True(calendar.IsWorkingDay(calendar.LocalDate(start)));
    }

    [Fact]
    public void LocalDate_UtcEveningBeforeMakeupDay_IsTheMakeupDay()
    {
        var calendar = TestCalendars.Real();

        var date = calendar.LocalDate(new DateTimeOffset(2026, 2, 13, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 2, 14), date);
    }

    [Fact]
    public void WorkingDaysBetween_AfterAddingN_IsNAndMinusNBackwards()
    {
        var calendar = TestCalendars.Real();
        var failures = new List<string>();
        // Every 7 hours and 13 minutes through 2025 and 2026: every weekday, hour and holiday edge gets visited.
        for (var start = Beijing(2025, 1, 1, 0, 5); start < Beijing(2026, 12, 10); start = start.AddMinutes(433))
        {
            for (var n = 0; n <= 15; n++)
            {
                var end = calendar.AddWorkingDays(start, n);
                var forward = calendar.WorkingDaysBetween(start, end);
                var backward = calendar.WorkingDaysBetween(end, start);
                if (forward != n || backward != -n || calendar.ToLocal(end).TimeOfDay != calendar.ToLocal(start).TimeOfDay
                    || (n > 0 && !calendar.IsWorkingDay(calendar.LocalDate(end))))
                {
                    failures.Add($"{start:O} + {n} = {end:O}: between {forward}, back {backward}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void WorkingDaysBetween_SubtractingNFromAWorkingDay_IsMinusN()
    {
        var calendar = TestCalendars.Real();
        var failures = new List<string>();
        for (var start = Beijing(2025, 1, 2, 9, 30); start < Beijing(2026, 12, 31); start = start.AddDays(1))
        {
            if (!calendar.IsWorkingDay(calendar.LocalDate(start)))
            {
                continue;
            }

            for (var n = 1; n <= 15; n++)
            {
                var earlier = calendar.AddWorkingDays(start, -n);
                if (calendar.WorkingDaysBetween(start, earlier) != -n || !calendar.IsWorkingDay(calendar.LocalDate(earlier)))
                {
                    failures.Add($"{start:O} - {n} = {earlier:O}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(2026, 9, 30, 2026, 10, 8, 1)]
    [InlineData(2026, 9, 30, 2026, 10, 10, 3)]
    [InlineData(2026, 10, 1, 2026, 10, 7, 0)]
    [InlineData(2026, 11, 20, 2026, 11, 23, 1)]
    [InlineData(2026, 11, 23, 2026, 11, 20, -1)]
    [InlineData(2026, 2, 13, 2026, 2, 28, 6)]
    [InlineData(2026, 11, 23, 2026, 11, 23, 0)]
    public void WorkingDaysBetween_KnownDates_CountsWorkingDaysAfterTheFirst(int y1, int m1, int d1, int y2, int m2, int d2, int expected)
    {
        var calendar = TestCalendars.Real();

        Assert.Equal(expected, calendar.WorkingDaysBetween(Beijing(y1, m1, d1, 10), Beijing(y2, m2, d2, 9)));
    }

    [Theory]
    [InlineData(2026, 11, 23, 8, 29, false)]
    [InlineData(2026, 11, 23, 8, 30, true)]
    [InlineData(2026, 11, 23, 12, 0, true)]
    [InlineData(2026, 11, 23, 17, 29, true)]
    [InlineData(2026, 11, 23, 17, 30, false)]
    [InlineData(2026, 11, 21, 10, 0, false)]
    [InlineData(2026, 10, 5, 10, 0, false)]
    [InlineData(2026, 10, 10, 10, 0, true)]
    [InlineData(2026, 2, 14, 9, 0, true)]
    [InlineData(2026, 2, 14, 18, 0, false)]
    public void IsWorkingTime_BeijingInstant_OfficeHoursOnWorkingDaysOnly(int year, int month, int day, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, TestCalendars.Real().IsWorkingTime(Beijing(year, month, day, hour, minute)));
    }

    [Fact]
    public void IsWorkingTime_UtcInstant_ReadInShanghai()
    {
        var calendar = TestCalendars.Real();

        // 01:00Z is 09:00 in Beijing on a Monday; 10:00Z is 18:00 there.
        Assert.True(calendar.IsWorkingTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)));
        Assert.False(calendar.IsWorkingTime(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
        // 2026-10-07T20:00Z is 04:00 on 10-08: a working day but outside office hours; 02:00Z on 10-08 is 10:00.
        Assert.False(calendar.IsWorkingTime(new DateTimeOffset(2026, 10, 7, 20, 0, 0, TimeSpan.Zero)));
        Assert.True(calendar.IsWorkingTime(new DateTimeOffset(2026, 10, 8, 2, 0, 0, TimeSpan.Zero)));
    }
}
