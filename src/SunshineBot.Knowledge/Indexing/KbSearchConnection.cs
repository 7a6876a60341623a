using Microsoft.Data.Sqlite;

namespace SunshineBot.Knowledge.Indexing;

/// <summary>One connection with its prepared search command; used by one query at a time.</summary>
internal sealed class KbSearchConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _query;
    private readonly SqliteParameter _limit;

    public KbSearchConnection(string connectionString, string searchSql)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = searchSql;
        _query = _command.Parameters.Add("$query", SqliteType.Text);
        _limit = _command.Parameters.Add("$limit", SqliteType.Integer);
        _query.Value = "\"x\"";
        _limit.Value = 1;
        _command.Prepare();
    }

    public List<(int Entry, double Score)> Run(string match, int limit)
    {
        _query.Value = match;
        _limit.Value = limit;
        var results = new List<(int, double)>(limit);
        using var reader = _command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(((int)reader.GetInt64(0) - 1, -reader.GetDouble(1)));
        }

        return results;
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }
}
