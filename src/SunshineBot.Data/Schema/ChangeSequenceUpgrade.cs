using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Tickets carry a change sequence for the search indexes (<see cref="TicketChanges"/>), and the group of similar
/// complaints they were linked into. Existing tickets take their id as their sequence and the counter starts above
/// the largest, so an index built after the upgrade reads every ticket once.
/// </summary>
internal static class ChangeSequenceUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new CreateTableOperation
        {
            Name = "change_sequences",
            Columns =
            {
                new AddColumnOperation { Table = "change_sequences", Name = "name", ClrType = typeof(string), IsNullable = false, MaxLength = 32 },
                new AddColumnOperation { Table = "change_sequences", Name = "value", ClrType = typeof(long), IsNullable = false },
            },
            PrimaryKey = new AddPrimaryKeyOperation { Table = "change_sequences", Name = "PK_change_sequences", Columns = ["name"] },
        },
        new AddColumnOperation { Table = "tickets", Name = TicketChanges.ChangeSeq, ClrType = typeof(long), IsNullable = false, DefaultValue = 0L },
        new AddColumnOperation { Table = "tickets", Name = "GroupNumber", ClrType = typeof(string), IsNullable = true, MaxLength = 24 },
        new SqlOperation { Sql = $"UPDATE tickets SET \"{TicketChanges.ChangeSeq}\" = \"Id\";" },
        new SqlOperation
        {
            Sql = $"INSERT INTO change_sequences (name, value) SELECT '{TicketChanges.TicketsCounter}', COALESCE(MAX(\"Id\"), 0) FROM tickets;",
        },
        new CreateIndexOperation { Name = "IX_tickets_ChangeSeq", Table = "tickets", Columns = [TicketChanges.ChangeSeq], IsUnique = true },
        new CreateIndexOperation { Name = "IX_tickets_GroupNumber", Table = "tickets", Columns = ["GroupNumber"] },
    ];
}
