using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tests.TestData;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Calendar;

public partial class WorkingDayCalendarTests
{
    [Fact]
    public void RealFile_CopiedBesideTheTests_Exists()
    {
        Assert.True(File.Exists(RealFilePath), $"calendar file not found at {RealFilePath}");
    }

    [Theory]
    [InlineData("2026-02-15", "春节")]
    [InlineData("2026-02-17", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-10-01", "国庆节")]
    [InlineData("2026-10-07", "国庆节")]
    [InlineData("2026-09-25", "中秋节")]
    [InlineData("2026-01-02", "元旦")]
    [InlineData("2025-10-08", "国庆节、中秋节")]
    public void Describe_HolidayDate_HolidayWithName(string date, string name)
    {
        var day = TestCalendars.Real().Describe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal(name, day.Name);
        Assert.False(day.IsWorkingDay);
    }

    [Theory]
    [InlineData("2026-02-14", "春节调休")]
    [InlineData("2026-02-28", "春节调休")]
    [InlineData("2026-09-20", "国庆节调休")]
    [InlineData("2026-10-10", "国庆节调休")]
    [InlineData("2026-01-04", "元旦调休")]
    [InlineData("2025-01-26", "春节调休")]
    public void Describe_MakeupDate_WorkingDayOnAWeekend(string date, string name)
    {
        var parsed = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var day = TestCalendars.Real().Describe(parsed);

        Assert.True(parsed.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(DayKind.MakeupWorkday, day.Kind);
        Assert.Equal(name, day.Name);
        Assert.True(day.IsWorkingDay);
    }

    [Fact]
    public void Describe_AroundSpringFestival2026_OffExactlyFrom15To23()
    {
        var calendar = TestCalendars.Real();

        // Thursday 02-12 to make-up Saturday 02-28: the only days off are the nine holidays.
        var off = Enumerable.Range(0, 17).Select(i => new DateOnly(2026, 2, 12).AddDays(i))
            .Where(d => !calendar.IsWorkingDay(d)).Select(d => d.Day);

        Assert.Equal(Enumerable.Range(15, 9), off);
    }

    [Fact]
    public void Describe_AroundNationalDay2026_OffExactlyFrom1To7()
    {
        var calendar = TestCalendars.Real();

        var off = Enumerable.Range(0, 12).Select(i => new DateOnly(2026, 9, 30).AddDays(i))
            .Where(d => !calendar.IsWorkingDay(d)).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07", "10-11"], off);
    }

    [Theory]
    [InlineData("2026-11-21", DayKind.Weekend)]
    [InlineData("2026-11-22", DayKind.Weekend)]
    [InlineData("2026-11-23", DayKind.Workday)]
    [InlineData("2027-01-01", DayKind.Workday)]
    public void Describe_OrdinaryDate_WeekendOrWorkdayWithoutName(string date, DayKind kind)
    {
        var day = TestCalendars.Real().Describe(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(kind, day.Kind);
        Assert.Null(day.Name);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void IsWorkingDay_WholeYear_Counts248(int year)
    {
        var calendar = TestCalendars.Real();
        var first = new DateOnly(year, 1, 1);

        var count = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Count(i => calendar.IsWorkingDay(first.AddDays(i)));

        Assert.Equal(248, count);
        Assert.Equal(248, calendar.WorkingDaysBetween(Beijing(year - 1, 12, 31, 12), Beijing(year, 12, 31, 12)));
    }

    [Fact]
    public void Covers_ListedAndUnlistedYears_TellsThemApart()
    {
        var calendar = TestCalendars.Real();

        Assert.True(calendar.Covers(2025));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.Covers(2024));
        Assert.False(calendar.Covers(2027));
    }

    [Fact]
    public void TimeZone_RealFile_IsShanghai()
    {
        var zone = TestCalendars.Real().TimeZone;

        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(8), zone.GetUtcOffset(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
