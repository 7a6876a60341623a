using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;

namespace SunshineBot.Core.Tests.Units;

public class UnitTests
{
    [Fact]
    public void CreateRoot_LowerCaseCodeWithSpaces_NormalisedAndRooted()
    {
        var root = Unit.CreateRoot(" hn ", " 湖南省教育厅 ", UnitKind.Province, " 0731-84714850 ");

        Assert.Equal("HN", root.Code);
        Assert.Equal("湖南省教育厅", root.Name);
        Assert.Equal("/HN/", root.Path);
        Assert.Null(root.ParentCode);
        Assert.Equal("0731-84714850", root.ContactPhone);
        Assert.True(root.Active);
    }

    [Fact]
    public void CreateChild_FourLevels_PathIsCodesFromTheRoot()
    {
        var province = Unit.CreateRoot("HN", "湖南省教育厅", UnitKind.Province);
        var city = province.CreateChild("hy", "衡阳市教育局", UnitKind.City);
        var county = city.CreateChild("zh", "珠晖区教育局", UnitKind.County);

        var school = county.CreateChild("zh001", "珠晖区第一小学", UnitKind.School);

        Assert.Equal("/HN/HY/ZH/ZH001/", school.Path);
        Assert.Equal("ZH", school.ParentCode);
        Assert.Equal("HY", county.ParentCode);
        Assert.Equal(UnitKind.School, school.Kind);
    }

    [Fact]
    public void Contains_AncestorsSelfAndStrangers_OnlySubtree()
    {
        var province = Unit.CreateRoot("HN", "湖南省教育厅", UnitKind.Province);
        var city = province.CreateChild("HY", "衡阳市教育局", UnitKind.City);
        var school = city.CreateChild("ZH001", "珠晖区第一小学", UnitKind.School);
        var otherCity = province.CreateChild("CS", "长沙市教育局", UnitKind.City);

        Assert.True(province.Contains(school));
        Assert.True(city.Contains(school));
        Assert.True(school.Contains(school));
        Assert.False(school.Contains(city));
        Assert.False(otherCity.Contains(school));
    }

    [Fact]
    public void Contains_SiblingWhoseCodeStartsTheSame_NotContained()
    {
        var province = Unit.CreateRoot("HN", "湖南省教育厅", UnitKind.Province);
        var hy = province.CreateChild("HY", "衡阳市教育局", UnitKind.City);
        var hyx = province.CreateChild("HYX", "衡阳县教育局", UnitKind.County);
        var hyxSchool = hyx.CreateChild("HYX01", "衡阳县一中", UnitKind.School);

        Assert.False(hy.Contains(hyx));
        Assert.False(hy.Contains(hyxSchool));
        Assert.True(hyx.Contains(hyxSchool));
    }

    [Theory]
    [InlineData(UnitKind.School)]
    [InlineData(UnitKind.Kindergarten)]
    public void CreateChild_UnderASchool_Refused(UnitKind kind)
    {
        var county = Unit.CreateRoot("ZH", "珠晖区教育局", UnitKind.County);
        var school = county.CreateChild("ZH001", "珠晖区第一小学", kind);

        var ex = Assert.Throws<DomainException>(() => school.CreateChild("ZH001-A", "一年级组", UnitKind.Department));

        Assert.Contains("下不能再设下级单位", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateChild_DepartmentUnderACounty_Allowed()
    {
        var county = Unit.CreateRoot("ZH", "珠晖区教育局", UnitKind.County);

        var department = county.CreateChild("zh-jjk_1", "计财科", UnitKind.Department);

        Assert.Equal("ZH-JJK_1", department.Code);
        Assert.Equal("/ZH/ZH-JJK_1/", department.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("HN/HY")]
    [InlineData("H N")]
    [InlineData("湖南")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void CreateRoot_BadCode_Refused(string code)
    {
        Assert.Throws<DomainException>(() => Unit.CreateRoot(code, "湖南省教育厅", UnitKind.Province));
    }

    [Fact]
    public void CreateRoot_CodeOf32Characters_Accepted()
    {
        var unit = Unit.CreateRoot("abcdefghijklmnopqrstuvwxyz012345", "测试单位", UnitKind.Province);

        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", unit.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void CreateRoot_BlankName_Refused(string name)
    {
        Assert.Throws<DomainException>(() => Unit.CreateRoot("HN", name, UnitKind.Province));
    }

    [Fact]
    public void Rename_TooLongName_RefusedAndKept()
    {
        var unit = Unit.CreateRoot("HN", "湖南省教育厅", UnitKind.Province);

        Assert.Throws<DomainException>(() => unit.Rename(new string('局', 101), null));

        Assert.Equal("湖南省教育厅", unit.Name);
    }

    [Fact]
    public void RenameSetStampDeactivate_Unit_Updated()
    {
        var unit = Unit.CreateRoot("HN", "湖南省教育厅", UnitKind.Province, "0731-1");

        unit.Rename(" 湖南省教育厅阳光服务中心 ", "  ");
        unit.SetStamp("stamps/hn.png");
        unit.Deactivate();

        Assert.Equal("湖南省教育厅阳光服务中心", unit.Name);
        Assert.Null(unit.ContactPhone);
        Assert.Equal("stamps/hn.png", unit.StampImageRef);
        Assert.False(unit.Active);
        Assert.Equal("HN", unit.Code);
    }
}
