using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SunshineBot.Web.Tests.Hosting;

namespace SunshineBot.Web.Tests.Security;

/// <summary>Every response carries the security headers; no page or script file relies on inline script.</summary>
public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chat.js")]
    [InlineData("/staff/login")]
    [InlineData("/staff")]
    [InlineData("/api/chat/messages")]
    [InlineData("/api/staff/tickets")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_OverHttps_CarriesTheHeadersAndHsts(string url)
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_NoHsts_ButTheOtherHeaders()
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task BehindTrustedProxy_ForwardedHttps_GetsHsts()
    {
        using var factory = new SunshineWebFactory(new() { ["Security:TrustForwardedHeaders"] = "true" });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void PagesAndStaticFiles_HoldNoInlineScriptOrHandlerOrStyleAttribute()
    {
        var web = Path.Combine(RepoRoot.Path, "src", "SunshineBot.Web");
        var files = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "wwwroot"), "*.html", SearchOption.AllDirectories))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(InlineScript().IsMatch(text), $"{file}: inline <script>");
            Assert.False(Handler().IsMatch(text), $"{file}: inline event handler");
            Assert.False(StyleAttribute().IsMatch(text), $"{file}: style attribute");
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
