using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Complainants' names and phone numbers are encrypted at rest: the columns widen for the sealed values (PostgreSQL;
/// SQLite does not enforce lengths), the blind index arrives with its index, and the rows an older release wrote in
/// plain text are sealed and indexed in the same transaction (this needs the Data Protection keys).
/// </summary>
internal static class ContactSealingUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. sqlite ? [] : new[] { Widen("VisitorName", 50), Widen("VisitorPhone", 20) },
        new AddColumnOperation { Table = "tickets", Name = TicketContacts.PhoneIndex, ClrType = typeof(string), IsNullable = true, MaxLength = TicketContacts.IndexLength },
        new CreateIndexOperation { Name = "IX_tickets_" + TicketContacts.PhoneIndex, Table = "tickets", Columns = [TicketContacts.PhoneIndex] },
    ];

    public static async Task SealExistingAsync(SunshineDbContext db, CancellationToken ct) =>
        await ContactSealing.RunAsync(db, resealAll: false, ct);

    private static AlterColumnOperation Widen(string column, int oldLength) => new()
    {
        Table = "tickets", Name = column, ClrType = typeof(string), IsNullable = true, MaxLength = TicketContacts.SealedMaxLength,
        OldColumn = new AddColumnOperation { Table = "tickets", Name = column, ClrType = typeof(string), IsNullable = true, MaxLength = oldLength },
    };
}
