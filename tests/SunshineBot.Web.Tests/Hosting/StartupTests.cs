using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Healthz_FreshDatabase_AnswersHealthy()
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        // The embedded default writes its SQLite file; the PostgreSQL pass has no file to look for.
        Assert.True(ExternalResources.HostsOnPostgres || File.Exists(Path.Combine(factory.Directory, "sunshine.db")));
    }

    [Fact]
    public async Task FirstStart_ConfiguredPassword_CreatesOneCentreAdminOnTheRootUnit()
    {
        using var factory = new SunshineWebFactory(new() { ["Bootstrap:AdminUser"] = "Zhang.Admin", ["Bootstrap:AdminPassword"] = "s3cret-Passw0rd" });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();

        var admin = await db.StaffUsers.SingleAsync();
        var root = await db.Units.SingleAsync(u => u.ParentCode == null);

        Assert.Equal("zhang.admin", admin.UserName);
        Assert.Equal(StaffRole.CentreAdmin, admin.Role);
        Assert.Equal(root.Code, admin.UnitCode);
        Assert.NotEqual("s3cret-Passw0rd", admin.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(admin, admin.PasswordHash, "s3cret-Passw0rd"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash, "wrong"));
    }

    [Fact]
    public async Task FirstStart_EmptyDatabase_SeedsTheDemoTreeOfBureauDistrictsAndSchools()
    {
        using var factory = new SunshineWebFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();

        var units = await db.Units.ToListAsync();

        var root = Assert.Single(units, u => u.ParentCode == null);
        Assert.Equal(2, units.Count(u => u.Kind == UnitKind.County && u.ParentCode == root.Code));
        Assert.True(units.Count(u => u.Kind is UnitKind.School or UnitKind.Kindergarten) >= 3);
        Assert.All(units, u => Assert.True(root.Contains(u)));
        Assert.All(units.Where(u => u.Kind == UnitKind.School), u => Assert.False(string.IsNullOrEmpty(u.ContactPhone)));
    }

    [Fact]
    public async Task SecondStart_SameDatabase_KeepsTheDataAndCreatesNoSecondAdmin()
    {
        using var first = new SunshineWebFactory();
        using (first.CreateClient())
        {
        }

        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = first.ConnectionString, ["Bootstrap:AdminUser"] = "other" };
        using var second = new SunshineWebFactory(settings);
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();

        Assert.Equal("admin", (await db.StaffUsers.SingleAsync()).UserName);
        Assert.Equal(9, await db.Units.CountAsync());
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database")]
    [InlineData("Deadlines:Default:FirstReplyWorkingDays", "9", "Deadlines:Default")]
    [InlineData("Bootstrap:AdminPassword", "short", "Bootstrap:AdminPassword")]
    [InlineData("Calendar:Path", "no/such/calendar.json", "calendar")]
    [InlineData("Knowledge:Path", "no-such-kb", "Knowledge:Path")]
    public void Start_BadConfigurationValue_StopsWithAMessageNamingIt(string key, string value, string expected)
    {
        using var factory = new SunshineWebFactory(new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(expected, messages, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Start_RelativeKnowledgePath_ResolvesAgainstTheContentRootAndIndexesBeforeListening()
    {
        // The factory's content root is src/SunshineBot.Web, as under `dotnet run`.
        using var factory = new SunshineWebFactory(new() { ["Knowledge:Path"] = "../../kb" });

        var kb = factory.Services.GetRequiredService<SunshineBot.Knowledge.KnowledgeBase>();

        Assert.True(kb.LastBuild.EntryCount >= 120, $"{kb.LastBuild.EntryCount} entries");
        Assert.True(kb.Ask("学校让买练习册是强制的吗").Answered);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
