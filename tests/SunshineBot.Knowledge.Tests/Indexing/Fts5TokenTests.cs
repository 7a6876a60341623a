using Microsoft.Data.Sqlite;
using SunshineBot.Knowledge.Content;

namespace SunshineBot.Knowledge.Tests.Indexing;

public sealed class Fts5TokenTests
{
    [Fact]
    public void Unicode61_SpaceSeparatedBigrams_StaySeparateTokens()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, row);
            INSERT INTO t (body) VALUES ('校 校服 服 服费 费 syn3');
            SELECT group_concat(term, '|') FROM (SELECT term FROM v ORDER BY term);
            """;

        var terms = ((string)command.ExecuteScalar()!).Split('|');

        Assert.Equal(["syn3", "服", "服费", "校", "校服", "费"], terms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_TwoCharacterWord_MatchesOnlyEntriesContainingIt()
    {
        var content = new KbContent(
        [
            new() { Id = "a", Title = "校服", Questions = ["校服"], Sources = [], Answer = "校服的事" },
            new() { Id = "b", Title = "服务", Questions = ["学生服务"], Sources = [], Answer = "服务的事" },
        ], [], SynonymTable.Empty, []);
        using var kb = new KnowledgeBase(new KnowledgeBaseOptions { Analyzer = new() { Unigrams = false } }, content);

        var hits = kb.Search("校服", 5);

        Assert.Equal("a", Assert.Single(hits).Entry.Id);
    }
}
