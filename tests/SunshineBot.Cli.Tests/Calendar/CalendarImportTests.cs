namespace SunshineBot.Cli.Tests.Calendar;

/// <summary><c>sunshinebot calendar import FILE</c> against a copy of the shipped calendar in a temp folder.</summary>
public sealed class CalendarImportTests : IDisposable
{
    private const string Year2027 = """
        {
          "years": {
            "2027": {
              "source": "示例通知",
              "holidays": [
                { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
                { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }
              ],
              "makeupWorkdays": [
                { "name": "国庆节调休", "date": "2027-10-09" }
              ]
            }
          }
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sunshine-cal-").FullName;

    private string Calendar => Path.Combine(_dir, "cn-holidays.json");

    public CalendarImportTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json"), Calendar);

    [Fact]
    public void Import_NewYear_MergesKeepsOtherYearsAndCommentsAndIsIdempotent()
    {
        var file = Write("2027.json", Year2027);

        var (exit, output, error) = CliRunner.Run("calendar", "import", file, "--calendar", Calendar);
        var afterFirst = File.ReadAllText(Calendar);
        var (againExit, again, _) = CliRunner.Run("calendar", "import", file, "--calendar", Calendar);

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("2027 年：已导入（节假日 10 天，调休上班 1 天）", output, StringComparison.Ordinal);
        Assert.Equal(0, againExit);
        Assert.Contains("内容相同，未改动", again, StringComparison.Ordinal);
        Assert.Equal(afterFirst, File.ReadAllText(Calendar));
        Assert.StartsWith("{\n  // Working-day calendar", afterFirst, StringComparison.Ordinal);
        Assert.Contains("节假日（国庆节）", CliRunner.Run("calendar", "day", "2027-10-05", "--calendar", Calendar).Output, StringComparison.Ordinal);
        Assert.Contains("调休工作日", CliRunner.Run("calendar", "day", "2027-10-09", "--calendar", Calendar).Output, StringComparison.Ordinal);
        Assert.Contains("节假日（春节）", CliRunner.Run("calendar", "day", "2026-02-17", "--calendar", Calendar).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "years": { "2027": { "holidays": [ { "name": "国庆节", "from": "2027-10-01" } ], "makeupWorkdays": [ { "name": "调休", "date": "2027-10-11" } ] } } }""", "不是周六或周日")]
    [InlineData("""{ "years": { "2027": { "holidays": [ { "name": "国庆节", "from": "2027/10/01" } ] } } }""", "2027-10-01")]
    [InlineData("""{ "years": { "2027": { "holidays": [ { "name": "国庆节", "from": "2028-10-01" } ] } } }""", "不在该年内")]
    [InlineData("""{ "years": { "27": { "holidays": [] } } }""", "四位数字")]
    [InlineData("""{ "years": { "2027": { "holidays": [] } } }""", "没有任何节假日")]
    [InlineData("""{ "holidays": [] }""", "缺少 \"years\"")]
    [InlineData("""{ "years": { "2027": """, "不是有效的 JSON")]
    public void Import_BadFile_RefusedInChineseAndTheCalendarIsUntouched(string json, string expected)
    {
        var before = File.ReadAllText(Calendar);
        var file = Write("bad.json", json);

        var (exit, output, error) = CliRunner.Run("calendar", "import", file, "--calendar", Calendar);

        Assert.Equal(2, exit);
        Assert.Contains("导入失败，日历文件未改动", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(before, File.ReadAllText(Calendar));
    }

    [Fact]
    public void Import_CorrectedNotice_ReplacesThatYear()
    {
        CliRunner.Run("calendar", "import", Write("2027.json", Year2027), "--calendar", Calendar);
        var corrected = Write("2027b.json", Year2027.Replace("\"to\": \"2027-10-07\"", "\"to\": \"2027-10-08\"", StringComparison.Ordinal));

        var (exit, output, _) = CliRunner.Run("calendar", "import", corrected, "--calendar", Calendar);

        Assert.Equal(0, exit);
        Assert.Contains("2027 年：已更新（节假日 11 天", output, StringComparison.Ordinal);
        Assert.Contains("节假日（国庆节）", CliRunner.Run("calendar", "day", "2027-10-08", "--calendar", Calendar).Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
