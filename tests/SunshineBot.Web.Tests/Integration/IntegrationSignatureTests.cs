using System.Text;
using SunshineBot.Web.Integration;

namespace SunshineBot.Web.Tests.Integration;

public sealed class IntegrationSignatureTests
{
    // The worked example of docs/integration.md, computed independently (Python's hmac module).
    private const string Secret = "demo-secret-please-change";
    private const string Timestamp = "1796088600";
    private const string Body = "{\"externalNumber\":\"HZ20261201-0042\",\"kind\":\"Complaint\",\"description\":\"学校收取资料费\"}";
    private const string Expected = "sha256=80b7752a3525de0cb4ef2f6ef42540686ad22b0929dffcfefbabd1456ae56dae";

    [Fact]
    public void Compute_DocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal(Expected, IntegrationSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Verify_OneByteChanged_Refuses()
    {
        Assert.True(IntegrationSignature.Verify(Secret, Timestamp, Encoding.UTF8.GetBytes(Body), Expected));
        Assert.False(IntegrationSignature.Verify(Secret, Timestamp, Encoding.UTF8.GetBytes(Body.Replace("0042", "0043", StringComparison.Ordinal)), Expected));
        Assert.False(IntegrationSignature.Verify(Secret, "1796088601", Encoding.UTF8.GetBytes(Body), Expected));
        Assert.False(IntegrationSignature.Verify(Secret, Timestamp, Encoding.UTF8.GetBytes(Body), Expected.ToUpperInvariant()));
        Assert.False(IntegrationSignature.Verify(Secret, Timestamp, Encoding.UTF8.GetBytes(Body), null));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void IsFresh_TimestampOffset_RefusedBeyond300Seconds(int offsetSeconds, bool fresh)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1796088600);
        Assert.Equal(fresh, IntegrationSignature.IsFresh((1796088600 + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1796088600")]
    [InlineData("1796088600.5")]
    public void IsFresh_NotUnixSeconds_Refused(string timestamp) =>
        Assert.False(IntegrationSignature.IsFresh(timestamp, DateTimeOffset.FromUnixTimeSeconds(1796088600)));
}
