using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Prompts;

namespace SunshineBot.Conversations.Tests.Engine;

public sealed class RecognizerTests
{
    [Theory]
    [InlineData("是", true)]
    [InlineData("对的", true)]
    [InlineData("嗯嗯", true)]
    [InlineData("可以", true)]
    [InlineData("好的！", true)]
    [InlineData("OK", true)]
    [InlineData("不是", false)]
    [InlineData("不用了", false)]
    [InlineData("算了", false)]
    [InlineData("没解决", false)]
    [InlineData("no", false)]
    [InlineData("学校让买练习册", null)]
    public void YesNo_TheWaysPeopleType_AreRecognised(string text, bool? expected) => Assert.Equal(expected, YesNo.Recognize(text));

    [Theory]
    [InlineData("2", "b")]
    [InlineData("２", "b")]
    [InlineData("第三个", "c")]
    [InlineData("三", "c")]
    [InlineData("基本满意", "b")]
    [InlineData("基本满义", "b")]
    [InlineData("满意", "a")]
    [InlineData("我觉得不满意", "c")]
    public void Choice_ByNumberLabelOrCloseMatch_IsRecognised(string input, string expected)
    {
        QuickReply[] choices = [new("满意", "a"), new("基本满意", "b"), new("不满意", "c")];
        Assert.Equal(expected, ChoiceRecognizer.Match(TextNormalizer.Fold(input), choices)?.Value);
    }

    [Theory]
    [InlineData("86元", 86.0)]
    [InlineData("1,200块", 1200.0)]
    [InlineData("大概35.5", 35.5)]
    [InlineData("不知道多少", null)]
    public void Amount_FromWhatPeopleType(string text, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, Parsers.Amount(text));

    [Theory]
    [InlineData("昨天", "2026-11-22")]
    [InlineData("11月20日", "2026-11-20")]
    [InlineData("12月30日", "2025-12-30")]
    [InlineData("2026-11-01", "2026-11-01")]
    [InlineData("上周五", "2026-11-20")]
    [InlineData("周一", "2026-11-23")]
    [InlineData("星期天", "2026-11-22")]
    [InlineData("本月3号", "2026-11-03")]
    [InlineData("2026年11月31日", null)]
    [InlineData("下周", null)]
    public void Date_PastDatesOnly(string text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parsers.Date(text, new DateOnly(2026, 11, 23)));
}
