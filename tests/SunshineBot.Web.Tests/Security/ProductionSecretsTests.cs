using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Web.Tests.Hosting;

namespace SunshineBot.Web.Tests.Security;

/// <summary>In Production the host will not start with a demo admin password or an empty secret, and says which key.</summary>
public sealed class ProductionSecretsTests
{
    [Theory]
    [InlineData("Bootstrap:AdminPassword", "admin123", "Bootstrap:AdminPassword")]
    [InlineData("Bootstrap:AdminPassword", "Test-Admin-Pass-1", "Bootstrap:AdminPassword")]
    [InlineData("WeChat:AppSecret", "", "WeChat:AppSecret")]
    [InlineData("Privacy:BlindIndexKey", "secret", "Privacy:BlindIndexKey")]
    [InlineData("Privacy:BlindIndexKey", "short-key", "Privacy:BlindIndexKey")]
    public void Start_ProductionWithADemoOrEmptySecret_RefusesNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bootstrap:AdminPassword"] = "a-Real-Passw0rd-for-prod",
            ["WeChat:Token"] = "prodtoken1",
            ["WeChat:AppId"] = "wx0000000000000001",
            ["WeChat:AppSecret"] = "0123456789abcdef0123456789abcdef",
            ["Privacy:BlindIndexKey"] = "a-real-blind-index-key-for-prod",
            [key] = value,
        };
        using var factory = new ProductionFactory(settings);

        var e = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<TimeProvider>());

        Assert.Contains(named, e.ToString(), StringComparison.Ordinal);
        Assert.Contains("Production", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithRealSecrets_Starts()
    {
        using var factory = new ProductionFactory(new() { ["Bootstrap:AdminPassword"] = "a-Real-Passw0rd-for-prod" });
        Assert.NotNull(factory.Services.GetRequiredService<TimeProvider>());
    }

    private sealed class ProductionFactory(Dictionary<string, string?> settings) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        private readonly SunshineWebFactory _base = new(settings);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_base.Directory, "sunshine.db")}");
            builder.UseSetting("Knowledge:Path", Path.Combine(RepoRoot.Path, "kb"));
            builder.UseSetting("DataProtection:KeysPath", Path.Combine(_base.Directory, "keys"));
            builder.UseSetting("Chat:UploadPath", Path.Combine(_base.Directory, "uploads"));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _base.Dispose();
        }
    }
}
