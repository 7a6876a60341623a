using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Writes a CreateTableOperation the way the model maps it on each provider (instants as ticks on SQLite,
/// identity keys), so an upgrade step reads like the table it creates.
/// </summary>
public sealed class TableBuilder(string table, bool sqlite)
{
    private readonly CreateTableOperation _create = new() { Name = table };
    private readonly List<MigrationOperation> _after = [];

    public TableBuilder Id()
    {
        var id = Add("Id", typeof(long), nullable: false);
        if (sqlite)
        {
            id.AddAnnotation("Sqlite:Autoincrement", true);
        }
        else
        {
            id.AddAnnotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        _create.PrimaryKey = new AddPrimaryKeyOperation { Table = table, Name = $"PK_{table}", Columns = ["Id"] };
        return this;
    }

    public TableBuilder Text(string name, int? maxLength = null, bool nullable = false)
    {
        Add(name, typeof(string), nullable, maxLength);
        return this;
    }

    public TableBuilder Instant(string name, bool nullable = false)
    {
        Add(name, sqlite ? typeof(long) : typeof(DateTimeOffset), nullable);
        return this;
    }

    /// <summary>A required key column pointing at <paramref name="principal"/>'s Id (no cascading delete).</summary>
    public TableBuilder Reference(string name, string principal)
    {
        Add(name, typeof(long), nullable: false);
        _create.ForeignKeys.Add(new AddForeignKeyOperation
        {
            Table = table,
            Name = $"FK_{table}_{principal}_{name}",
            Columns = [name],
            PrincipalTable = principal,
            PrincipalColumns = ["Id"],
            OnDelete = Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Restrict,
        });
        return this;
    }

    /// <summary>A column of any CLR type the provider maps itself (dates, doubles).</summary>
    public TableBuilder Column(string name, Type type, bool nullable = false)
    {
        Add(name, type, nullable);
        return this;
    }

    public TableBuilder Counter(string name)
    {
        Add(name, typeof(int), nullable: false);
        return this;
    }

    public TableBuilder Index(bool unique, params string[] columns)
    {
        _after.Add(new CreateIndexOperation { Name = $"IX_{table}_{string.Join("_", columns)}", Table = table, Columns = columns, IsUnique = unique });
        return this;
    }

    public IEnumerable<MigrationOperation> Build() => _after.Prepend(_create);

    private AddColumnOperation Add(string name, Type type, bool nullable, int? maxLength = null)
    {
        var column = new AddColumnOperation { Table = table, Name = name, ClrType = type, IsNullable = nullable, MaxLength = maxLength };
        _create.Columns.Add(column);
        return column;
    }
}
