using System.Text.Json;

namespace SunshineBot.Cli.Tests.Calendar;

public sealed class CalendarCommandsTests
{
    [Theory]
    [InlineData("2026-10-08", true, "workday", null)]
    [InlineData("2026-10-03", false, "holiday", "国庆节")]
    [InlineData("2026-10-10", true, "makeup-workday", "国庆节调休")]
    [InlineData("2026-02-14", true, "makeup-workday", "春节调休")]
    [InlineData("2026-11-22", false, "weekend", null)]
    public void Day_Json_DescribesTheDate(string date, bool working, string kind, string? name)
    {
        var (exit, output, _) = CliRunner.Run("calendar", "day", date, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(date, json.RootElement.GetProperty("date").GetString());
        Assert.Equal(working, json.RootElement.GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal(kind, json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(name, json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Day_Text_NamesTheHolidayInChinese()
    {
        var (exit, output, _) = CliRunner.Run("calendar", "day", "2026-02-17");

        Assert.Equal(0, exit);
        Assert.Contains("节假日（春节）", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_YearMissingFromTheFile_WarnsThatOnlyWeekendsAreKnown()
    {
        var (_, output, _) = CliRunner.Run("calendar", "day", "2030-05-01");

        Assert.Contains("2030", output, StringComparison.Ordinal);
        Assert.Contains("只按周末计算", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-09-30T16:00", "3", "2026-10-10T16:00+08:00")]
    [InlineData("2026-11-20T20:00", "3", "2026-11-25T20:00+08:00")]
    [InlineData("2026-02-13T09:00", "2", "2026-02-24T09:00+08:00")]
    [InlineData("2026-10-07T12:00Z", "1", "2026-10-08T20:00+08:00")]
    public void Add_WorkingDays_LandsOnTheSameTimeOfDay(string start, string days, string expected)
    {
        var (exit, output, _) = CliRunner.Run("calendar", "add", start, days);

        Assert.Equal(0, exit);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public void Add_Json_ReportsStartDaysAndResult()
    {
        var (_, output, _) = CliRunner.Run("calendar", "add", "2026-09-30T16:00", "3", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("2026-10-10T16:00+08:00", json.RootElement.GetProperty("result").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("2026-09-30T16:00", "2026-10-10T16:00", 3)]
    [InlineData("2026-10-10T16:00", "2026-09-30T16:00", -3)]
    [InlineData("2026-12-31T10:00", "2027-01-04T10:00", 2)]
    public void Between_TwoInstants_CountsWorkingDays(string from, string to, int expected)
    {
        var (exit, output, _) = CliRunner.Run("calendar", "between", from, to, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected, json.RootElement.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("day", "2026-13-01")]
    [InlineData("add", "tomorrow", "3")]
    public void Command_BadDate_ExitsWithAPlainMessage(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(["calendar", .. args]);

        Assert.NotEqual(0, exit);
        Assert.Contains("不是有效", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_CalendarFileFromOption_IsUsedInsteadOfTheShippedOne()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cal-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "years": { "2027": { "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ] } } }""");
        try
        {
            var (_, output, _) = CliRunner.Run("calendar", "day", "2027-01-01", "--json", "--calendar", file);

            Assert.Contains("\"kind\":\"holiday\"", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
