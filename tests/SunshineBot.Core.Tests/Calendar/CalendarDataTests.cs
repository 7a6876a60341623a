using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Tests.Calendar;

public class CalendarDataTests
{
    private static string File(string years, string header = "") =>
        "{ " + header + " \"years\": { " + years + " } }";

    [Fact]
    public void Parse_SmallFileWithComments_ReadsHolidaysMakeupDaysAndDefaults()
    {
        var json = """
            {
              // a comment, as in the real file
              "years": {
                "2030": {
                  "holidays": [ { "name": "元旦", "from": "2030-01-01" }, { "name": "春节", "from": "2030-02-02", "to": "2030-02-04" }, ],
                  "makeupWorkdays": [ { "name": "春节调休", "date": "2030-02-09" } ]
                }
              }
            }
            """;

        var data = CalendarData.Parse(json);

        Assert.Equal([2030], data.Years);
        Assert.Equal(5, data.Exceptions.Count);
        Assert.Equal(new DayInfo(new DateOnly(2030, 1, 1), DayKind.Holiday, "元旦"), data.Exceptions[new DateOnly(2030, 1, 1)]);
        Assert.Equal(DayKind.Holiday, data.Exceptions[new DateOnly(2030, 2, 3)].Kind);
        Assert.Equal(new DayInfo(new DateOnly(2030, 2, 9), DayKind.MakeupWorkday, "春节调休"), data.Exceptions[new DateOnly(2030, 2, 9)]);
        Assert.Equal(new TimeOnly(8, 30), data.WorkStart);
        Assert.Equal(new TimeOnly(17, 30), data.WorkEnd);
        Assert.Equal(TimeSpan.FromHours(8), data.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void Parse_ConfiguredOfficeHours_UsedByIsWorkingTime()
    {
        var data = CalendarData.Parse(File("\"2030\": {}", "\"workingHours\": { \"start\": \"09:00\", \"end\": \"17:00\" },"));
        var calendar = new WorkingDayCalendar(data);

        Assert.Equal(new TimeOnly(9, 0), data.WorkStart);
        Assert.False(calendar.IsWorkingTime(new DateTimeOffset(2030, 1, 7, 8, 45, 0, TimeSpan.FromHours(8))));
        Assert.False(calendar.IsWorkingTime(new DateTimeOffset(2030, 1, 7, 17, 15, 0, TimeSpan.FromHours(8))));
        Assert.True(calendar.IsWorkingTime(new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Parse_SameDateTwice_FormatExceptionNamingTheDate()
    {
        var json = File("""
            "2030": {
              "holidays": [ { "name": "春节", "from": "2030-02-02", "to": "2030-02-08" } ],
              "makeupWorkdays": [ { "name": "春节调休", "date": "2030-02-05" } ]
            }
            """);

        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse(json));

        Assert.Contains("2030-02-05", ex.Message, StringComparison.Ordinal);
        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverlappingHolidays_FormatExceptionNamingTheDate()
    {
        var json = File("""
            "2030": { "holidays": [ { "name": "A", "from": "2030-05-01", "to": "2030-05-03" }, { "name": "B", "from": "2030-05-03" } ] }
            """);

        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse(json));

        Assert.Contains("2030-05-03 is listed twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HolidayEndingBeforeItStarts_FormatExceptionNamingTheHoliday()
    {
        var json = File("""
            "2030": { "holidays": [ { "name": "国庆节", "from": "2030-10-07", "to": "2030-10-01" } ] }
            """);

        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse(json));

        Assert.Contains("国庆节", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ends before it starts", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030/10/01")]
    [InlineData("2030-13-01")]
    [InlineData("2030-02-30")]
    [InlineData("next monday")]
    public void Parse_BadDateText_FormatExceptionQuotingIt(string text)
    {
        var json = File("\"2030\": { \"makeupWorkdays\": [ { \"name\": \"调休\", \"date\": \"" + text + "\" } ] }");

        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse(json));

        Assert.Contains($"\"{text}\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2030", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EntryWithoutName_FormatExceptionNamingTheField()
    {
        var json = File("\"2030\": { \"holidays\": [ { \"from\": \"2030-01-01\" } ] }");

        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse(json));

        Assert.Contains("\"name\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoYears_FormatException()
    {
        var ex = Assert.Throws<FormatException>(() => CalendarData.Parse("{ \"timeZone\": \"Asia/Shanghai\" }"));

        Assert.Contains("years", ex.Message, StringComparison.Ordinal);
    }
}
