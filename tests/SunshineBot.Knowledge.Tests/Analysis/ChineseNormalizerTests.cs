using SunshineBot.Knowledge.Analysis;

namespace SunshineBot.Knowledge.Tests.Analysis;

public sealed class ChineseNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("校服　多少钱？", "校服 多少钱")]
    [InlineData("學校讓買練習冊，是強制的嗎", "学校让买练习册 是强制的吗")]
    [InlineData("“教辅”——必须买吗！！", "教辅 必须买吗")]
    [InlineData("  Hello,World  ", "hello world")]
    public void Normalize_MixedForms_FoldsToOneForm(string input, string expected)
    {
        Assert.Equal(expected, ChineseNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalize_OnlyPunctuation_ReturnsEmpty()
    {
        Assert.Equal("", ChineseNormalizer.Normalize("？！。，、"));
    }
}
