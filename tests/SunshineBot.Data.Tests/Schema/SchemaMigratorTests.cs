using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Data.Schema;
using SunshineBot.Testing;

namespace SunshineBot.Data.Tests.Schema;

public sealed class SchemaMigratorTests
{
    public static TheoryData<string> Providers => ExternalResources.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_EmptyDatabase_CreatesTheSchemaAtTheLatestVersion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrator = new SchemaMigrator(db);

        Assert.Null(await migrator.CurrentVersionAsync());
        var applied = await migrator.MigrateAsync();

        Assert.Equal([migrator.LatestVersion], applied);
        Assert.Equal(migrator.LatestVersion, await migrator.CurrentVersionAsync());
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_UpToDateDatabase_ChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        Assert.Empty(await new SchemaMigrator(db).MigrateAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_ExistingDatabaseWithData_AppliesNewUpgradesOnceAndKeepsData(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Units.Add(Core.Units.Unit.CreateRoot("ROOT", "测试教育局", Core.Units.UnitKind.City));
            await db.SaveChangesAsync();
        }

        var upgrades = SchemaUpgrades.All.Append(new SchemaUpgrade(
            SchemaUpgrades.All[^1].Version + 1,
            "test: a column added later",
            _ => [new AddColumnOperation { Table = "units", Name = "Motto", ClrType = typeof(string), IsNullable = true }])).ToList();

        await using (var db = database.NewContext())
        {
            var migrator = new SchemaMigrator(db, upgrades);
            Assert.Equal([upgrades[^1].Version], await migrator.MigrateAsync());
            Assert.Empty(await migrator.MigrateAsync());
            Assert.Equal(upgrades[^1].Version, await migrator.CurrentVersionAsync());
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal("测试教育局", await db.Units.Select(u => u.Name).SingleAsync());
            var motto = await db.Database.SqlQueryRaw<string>("SELECT \"Motto\" AS \"Value\" FROM units").ToListAsync();
            Assert.Equal([null!], motto);
        }
    }

    [Fact]
    public async Task Migrate_TablesWithoutVersion_RefusesToGuess()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", migrate: false);
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE tickets (id INTEGER);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(db).MigrateAsync());
        Assert.Contains("schema_version", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Migrate_TwoInstancesAtOnce_CreateTheSchemaOnce()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres", migrate: false);
        await using (var setup = database.NewContext())
        {
            // The empty database exists (as an operator creates it); the instances race on the schema.
            await setup.GetService<IRelationalDatabaseCreator>().CreateAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var results = await Task.WhenAll(new SchemaMigrator(first).MigrateAsync(), new SchemaMigrator(second).MigrateAsync());

        Assert.Single(results, r => r.Count == 1);
        Assert.Single(results, r => r.Count == 0);
    }
}
