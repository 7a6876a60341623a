using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Tickets;

public class ContactInfoTests
{
    [Theory]
    [InlineData("13812341234", "13812341234")]
    [InlineData("+86 138 1234 1234", "13812341234")]
    [InlineData("+8613812341234", "13812341234")]
    [InlineData("0086-138-1234-1234", "13812341234")]
    [InlineData("１３８１２３４１２３４", "13812341234")]
    [InlineData("＋８６ １３８ 1234 1234", "13812341234")]
    [InlineData(" 138\u30001234\u30001234 ", "13812341234")]
    [InlineData("(0734) 888-8888", "07348888888")]
    [InlineData("010-12345678", "01012345678")]
    public void NormalizePhone_Typed_DigitsOnlyWithoutCountryCode(string raw, string expected)
    {
        Assert.Equal(expected, ContactInfo.NormalizePhone(raw));
    }

    [Theory]
    [InlineData("13812341234", true)]
    [InlineData("19912341234", true)]
    [InlineData("12812341234", false)]
    [InlineData("1381234123", false)]
    [InlineData("138123412345", false)]
    [InlineData("07348888888", false)]
    public void IsMobile_Normalized_ElevenDigitsFrom13To19(string phone, bool expected)
    {
        Assert.Equal(expected, ContactInfo.IsMobile(phone));
    }

    [Theory]
    [InlineData("13812341234", true)]
    [InlineData("07348888888", true)]
    [InlineData("01012345678", true)]
    [InlineData("0734888888", true)]
    [InlineData("073488888", false)]
    [InlineData("8888888", false)]
    [InlineData("7348888888", false)]
    [InlineData("", false)]
    public void IsPhone_Normalized_MobileOrLandlineWithAreaCode(string phone, bool expected)
    {
        Assert.Equal(expected, ContactInfo.IsPhone(phone));
    }

    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("07348888888", "073****8888")]
    [InlineData("1234567", "123****4567")]
    [InlineData("123456", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhone_Number_MiddleHidden(string? phone, string expected)
    {
        Assert.Equal(expected, ContactInfo.MaskPhone(phone));
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("张三", "张**")]
    [InlineData(" 李 ", "李**")]
    [InlineData("欧阳修", "欧**")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void MaskName_Name_SurnameOnly(string? name, string expected)
    {
        Assert.Equal(expected, ContactInfo.MaskName(name));
    }
}
