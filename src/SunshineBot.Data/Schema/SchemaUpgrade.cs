using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// One numbered change to an existing database, written as EF migration operations so that each provider's own SQL
/// generator produces the DDL (SQLite and PostgreSQL from one definition). A fresh database is created from the model
/// at the newest version; existing ones get every upgrade above their recorded version, in order. <paramref name="Data"/>,
/// when given, rewrites existing rows after the DDL, in the same transaction (never run on a database created fresh).
/// </summary>
public sealed record SchemaUpgrade(
    int Version, string Description, Func<bool, IReadOnlyList<MigrationOperation>> Operations, Func<SunshineDbContext, CancellationToken, Task>? Data = null);
