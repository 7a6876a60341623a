using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// One numbered change to an existing database, written as EF migration operations so that each provider's own SQL
/// generator produces the DDL (SQLite and PostgreSQL from one definition). A fresh database is created from the model
/// at the newest version; existing ones get every upgrade above their recorded version, in order.
/// </summary>
public sealed record SchemaUpgrade(int Version, string Description, Func<bool, IReadOnlyList<MigrationOperation>> Operations);

/// <summary>The list of upgrades. Append only; never edit one that has shipped.</summary>
public static class SchemaUpgrades
{
    /// <summary>Version 1 is the initial schema, created from the model.</summary>
    public static IReadOnlyList<SchemaUpgrade> All { get; } =
    [
        new(1, "initial schema", _ => []),
    ];
}
