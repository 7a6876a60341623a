using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// Tickets taken from another platform (the 12345 hotline) keep that platform's name and number; one platform's number
/// names one ticket, so a repeated or concurrent delivery of the same ticket cannot file it twice.
/// </summary>
internal static class ExternalTicketUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        new AddColumnOperation { Table = "tickets", Name = "ExternalSource", ClrType = typeof(string), IsNullable = true, MaxLength = 64 },
        new AddColumnOperation { Table = "tickets", Name = "ExternalNumber", ClrType = typeof(string), IsNullable = true, MaxLength = 64 },
        new CreateIndexOperation
        {
            Name = "IX_tickets_ExternalSource_ExternalNumber", Table = "tickets", Columns = ["ExternalSource", "ExternalNumber"], IsUnique = true,
        },
    ];
}
