using SunshineBot.Conversations.Prompts;
using SunshineBot.Conversations.Tests.Support;

namespace SunshineBot.Conversations.Tests.Prompts;

public sealed class SchoolMatcherTests
{
    [Theory]
    [InlineData("东城区第一小学", "YGS-DC-001")]
    [InlineData("东城一小", "YGS-DC-001")]
    [InlineData("东城区一小", "YGS-DC-001")]
    [InlineData("东城1小", "YGS-DC-001")]
    [InlineData("東城區第一小學", "YGS-DC-001")]
    [InlineData("东城区第一小雪", "YGS-DC-001")]
    [InlineData("实验中学", "YGS-DC-002")]
    [InlineData("东城实验", "YGS-DC-002")]
    [InlineData("二中", "YGS-DC-003")]
    [InlineData("西城实小", "YGS-XC-003")]
    [InlineData("阳光幼儿园", "YGS-XC-002")]
    public void Rank_TyposAbbreviationsAndDistrict_FindTheOneSchool(string typed, string code) =>
        Assert.Equal(code, Assert.Single(SchoolMatcher.Rank(FakeUnits.Units, typed, 5)).Code);

    [Theory]
    [InlineData("一小")]
    [InlineData("第一小学")]
    public void Rank_SameSchoolNameInTwoDistricts_ListsBoth(string typed) =>
        Assert.Equal(["YGS-DC-001", "YGS-XC-001"], SchoolMatcher.Rank(FakeUnits.Units, typed, 5).Select(u => u.Code).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("1")]
    [InlineData("小")]
    [InlineData("希望中学")]
    public void Rank_NothingLikeIt_FindsNothing(string typed) => Assert.Empty(SchoolMatcher.Rank(FakeUnits.Units, typed, 5));

    [Theory]
    [InlineData("实验小学")]
    [InlineData("东城区实验小学")]
    public void Rank_OtherLevelOfASchool_IsNotATypo(string typed) =>
        Assert.Empty(SchoolMatcher.Rank(FakeUnits.Units.Where(u => u.Code != "YGS-XC-003"), typed, 5));
}
