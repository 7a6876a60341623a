using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Data.Knowledge;
using SunshineBot.Testing;

namespace SunshineBot.Data.Tests;

/// <summary>SQLite's commits run with synchronous=NORMAL and each writer waits for a flush of the log that began after its commit.</summary>
public sealed class SqliteGroupCommitTests
{
    [Fact]
    public async Task Connection_OpenedByTheContext_RunsWithNormalSync()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        // 1 = NORMAL (SQLite's default is 2, FULL).
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Save_EachCommit_WaitsForALogFlush()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var commits = GroupCommitOf(database);
        for (var i = 0; i < 3; i++)
        {
            var before = commits.Flushes;
            await using var db = database.NewContext();
            db.KbAnswerLog.Add(Record(i));
            await db.SaveChangesAsync();

            Assert.True(commits.Flushes > before, $"save {i} returned before the log was flushed");
        }
    }

    [Fact]
    public async Task Save_ManyWritersAtOnce_AllRowsStoredAndFlushedTogether()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var commits = GroupCommitOf(database);
        var before = commits.Flushes;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var db = database.NewContext();
            db.KbAnswerLog.Add(Record(i));
            await db.SaveChangesAsync();
        }));

        await using var check = database.NewContext();
        Assert.Equal(40, await check.KbAnswerLog.CountAsync());
        var flushes = commits.Flushes - before;
        Assert.InRange(flushes, 1, 40);
    }

    [Fact]
    public async Task Flush_NoLogFile_Completes()
    {
        var commits = new SqliteGroupCommit(Path.Combine(Path.GetTempPath(), "sunshine-no-such-dir-" + Guid.NewGuid().ToString("N"), "x.db"));

        await commits.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, commits.Flushes);
    }

    private static SqliteGroupCommit GroupCommitOf(TestDatabase database) =>
        SqliteWriteGate.For(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)).Commits;

    private static KbAnswerRecord Record(int i) => new()
    {
        At = DateTimeOffset.UnixEpoch.AddMinutes(i), Question = "校服多少钱" + i, Status = "Answered", EntryId = "fees/uniform",
    };
}
