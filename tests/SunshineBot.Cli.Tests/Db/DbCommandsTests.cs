using Microsoft.Data.Sqlite;

namespace SunshineBot.Cli.Tests.Db;

[Collection("environment")]
public sealed class DbCommandsTests
{
    [Fact]
    public void Migrate_ConfiguredSqliteFile_CreatesTheSchemaThenReportsUpToDate()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sunshine-cli-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(dir, "nested", "cli.db");
        Environment.SetEnvironmentVariable("Database__ConnectionString", $"Data Source={file}");
        try
        {
            var first = CliRunner.Run("db", "migrate");
            var second = CliRunner.Run("db", "migrate");

            Assert.Equal(0, first.ExitCode);
            Assert.Contains($"升级到 {SunshineBot.Data.Schema.SchemaUpgrades.All[^1].Version}", first.Output, StringComparison.Ordinal);
            Assert.Contains("已是最新版本", second.Output, StringComparison.Ordinal);
            using var connection = new SqliteConnection($"Data Source={file}");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('tickets', 'ticket_events', 'units', 'staff_users', 'kb_answer_log')";
            Assert.Equal(5L, cmd.ExecuteScalar());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__ConnectionString", null);
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
