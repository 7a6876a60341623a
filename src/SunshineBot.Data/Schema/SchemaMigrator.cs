using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Creates or upgrades the schema (the EF Design package, and so <c>dotnet ef</c>, is not available here; see
/// docs/adr/0002-schema-upgrades.md). The current version lives in the <c>schema_version</c> table.
/// Safe to run at every start and from several instances at once (PostgreSQL takes an advisory lock).
/// </summary>
public sealed class SchemaMigrator(SunshineDbContext db, IReadOnlyList<SchemaUpgrade>? upgrades = null)
{
    private const long LockKey = 0x5355_4E53_4849_4E45; // "SUNSHINE"
    private readonly IReadOnlyList<SchemaUpgrade> _upgrades = (upgrades ?? SchemaUpgrades.All).OrderBy(u => u.Version).ToArray();

    public int LatestVersion => _upgrades.Count == 0 ? 0 : _upgrades[^1].Version;

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the versions applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            await creator.CreateAsync(ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.IsSqlite)
            {
                await Execute("PRAGMA journal_mode=WAL;", ct);
            }
            else
            {
                await Execute($"SELECT pg_advisory_lock({LockKey});", ct);
            }

            try
            {
                return await MigrateLockedAsync(ct);
            }
            finally
            {
                if (!db.IsSqlite)
                {
                    await Execute($"SELECT pg_advisory_unlock({LockKey});", ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The recorded version, or null for an empty database.</summary>
    public async Task<int?> CurrentVersionAsync(CancellationToken ct = default)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadVersionAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int?> ReadVersionAsync(CancellationToken ct)
    {
        if (!await TableExistsAsync("schema_version", ct))
        {
            return null;
        }

        var value = await Scalar("SELECT MAX(version) FROM schema_version;", ct);
        return value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<int>> MigrateLockedAsync(CancellationToken ct)
    {
        var current = await ReadVersionAsync(ct);
        var applied = new List<int>();
        if (current is null)
        {
            if (await TableExistsAsync("tickets", ct))
            {
                throw new InvalidOperationException("The database has SunshineBot tables but no schema_version table; refusing to guess its version.");
            }

            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            await Execute(db.Database.GenerateCreateScript(), ct);
            await Execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL, description TEXT NOT NULL);", ct);
            await RecordAsync(LatestVersion, "created from the model", ct);
            await tx.CommitAsync(ct);
            applied.Add(LatestVersion);
            return applied;
        }

        var generator = db.GetService<IMigrationsSqlGenerator>();
        foreach (var upgrade in _upgrades.Where(u => u.Version > current))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var commands = generator.Generate(upgrade.Operations(db.IsSqlite), db.Model);
            foreach (var command in commands)
            {
                await Execute(command.CommandText, ct);
            }

            if (upgrade.Data is { } data)
            {
                await data(db, ct);
            }

            await RecordAsync(upgrade.Version, upgrade.Description, ct);
            await tx.CommitAsync(ct);
            applied.Add(upgrade.Version);
        }

        return applied;
    }

    private async Task RecordAsync(int version, string description, CancellationToken ct)
    {
        await using var cmd = Command("INSERT INTO schema_version (version, applied_at, description) VALUES (@v, CURRENT_TIMESTAMP, @d);");
        AddParameter(cmd, "@v", version);
        AddParameter(cmd, "@d", description);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> TableExistsAsync(string table, CancellationToken ct)
    {
        var sql = db.IsSqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @t;"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @t;";
        await using var cmd = Command(sql);
        AddParameter(cmd, "@t", table);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task<object?> Scalar(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
