namespace SunshineBot.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>: which database and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string DefaultSqlite = "Data Source=data/sunshine.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a relative <c>Data Source</c> resolves against the content root.</summary>
    public string ConnectionString { get; set; } = DefaultSqlite;
}
