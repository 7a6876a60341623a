using SunshineBot.Core.Calendar;

namespace SunshineBot.Core.Tests.Calendar;

public sealed class ZoneClockTests
{
    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("UTC")]
    public void ToLocal_EveryHourOfDecadesIncludingOldDaylightSaving_EqualsTimeZoneInfo(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var clock = new ZoneClock(zone);

        // China kept daylight saving until 1991; the steady offset must not reach back into those summers.
        for (var instant = new DateTimeOffset(1985, 1, 1, 0, 0, 0, TimeSpan.Zero); instant.Year < 2031; instant = instant.AddMinutes(97))
        {
            var expected = TimeZoneInfo.ConvertTime(instant, zone);
            var local = clock.ToLocal(instant);
            Assert.Equal(expected.DateTime, local.DateTime);
            Assert.Equal(expected.Offset, local.Offset);
        }
    }

    [Fact]
    public void ToLocal_Shanghai_1988Summer_KeepsItsDaylightSavingHour()
    {
        var clock = new ZoneClock(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        Assert.Equal(TimeSpan.FromHours(9), clock.ToLocal(new DateTimeOffset(1988, 7, 1, 0, 0, 0, TimeSpan.Zero)).Offset);
        Assert.Equal(TimeSpan.FromHours(8), clock.ToLocal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)).Offset);
    }
}
