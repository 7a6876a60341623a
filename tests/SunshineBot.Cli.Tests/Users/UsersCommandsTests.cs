using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;
using SunshineBot.Data.Schema;

namespace SunshineBot.Cli.Tests.Users;

[Collection("environment")]
public sealed partial class UsersCommandsTests
{
    [Fact]
    public async Task AddResetDisable_ConfiguredDatabase_ManageAnAccountTheWebCanVerify()
    {
        var database = await TempDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Units.Add(Unit.CreateRoot("YGS", "阳光市教育局", UnitKind.City));
            await db.SaveChangesAsync();
        }

        Environment.SetEnvironmentVariable("Database__ConnectionString", database.ConnectionString);
        try
        {
            var add = CliRunner.Run("users", "add", "Li.Hua", "--unit", "ygs", "--role", "Leader", "--name", "李华");
            var duplicate = CliRunner.Run("users", "add", "li.hua", "--unit", "YGS", "--password", "another-pass-1");
            var badUnit = CliRunner.Run("users", "add", "wang", "--unit", "NOPE", "--password", "another-pass-1");
            var generated = PasswordLine().Match(add.Output).Groups[1].Value;
            var hasher = new PasswordHasher<StaffUser>();

            Assert.Equal(0, add.ExitCode);
            Assert.Equal(16, generated.Length);
            Assert.Equal(1, duplicate.ExitCode);
            Assert.Contains("已存在", duplicate.Error, StringComparison.Ordinal);
            Assert.Equal(1, badUnit.ExitCode);
            await using (var db = database.NewContext())
            {
                var user = db.StaffUsers.Single();
                Assert.Equal(("li.hua", "李华", StaffRole.Leader), (user.UserName, user.DisplayName, user.Role));
                Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash, generated));
            }

            Assert.Equal(0, CliRunner.Run("users", "reset-password", "li.hua", "--password", "New-Pass-2026").ExitCode);
            Assert.Equal(1, CliRunner.Run("users", "reset-password", "li.hua", "--password", "short").ExitCode);
            Assert.Equal(0, CliRunner.Run("users", "disable", "LI.HUA").ExitCode);
            await using (var db = database.NewContext())
            {
                var user = db.StaffUsers.Single();
                Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash, "New-Pass-2026"));
                Assert.False(user.Active);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            SqliteConnection.ClearAllPools();
            Directory.Delete(database.Directory, recursive: true);
        }
    }

    private sealed record TempDatabase(string Directory, string ConnectionString)
    {
        public static async Task<TempDatabase> CreateAsync()
        {
            var dir = Path.Combine(Path.GetTempPath(), "sunshine-cli-tests", Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(dir);
            var database = new TempDatabase(dir, $"Data Source={Path.Combine(dir, "users.db")}");
            await using var db = database.NewContext();
            await new SchemaMigrator(db).MigrateAsync();
            return database;
        }

        public SunshineDbContext NewContext()
        {
            var builder = new DbContextOptionsBuilder<SunshineDbContext>();
            DataServiceCollectionExtensions.Configure(builder, DatabaseProvider.Sqlite, ConnectionString);
            return new SunshineDbContext(builder.Options);
        }
    }

    [GeneratedRegex("只显示这一次[^：]*：(\\S+)")]
    private static partial Regex PasswordLine();
}
