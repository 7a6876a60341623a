using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>
/// The scheduled jobs' tables: what they did (job_marks), the staff notification list, the on-duty roster and the
/// monthly reports. Quartz's own QRTZ_ tables are created by Quartz (see docs/jobs.md), not here.
/// </summary>
internal static class JobTablesUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("job_marks", sqlite).Id().Text("Key", 200).Instant("At").Index(true, "Key").Build(),
        .. new TableBuilder("staff_notifications", sqlite).Id()
            .Text("Key", 200).Text("UserName", 64).Text("Kind", 32).Text("TicketNumber", 32, nullable: true).Text("Text", 1000)
            .Instant("CreatedAt").Instant("ReadAt", nullable: true)
            .Index(true, "Key").Index(false, "UserName", "CreatedAt").Build(),
        .. new TableBuilder("duty_roster", sqlite).Id()
            .Text("Day", 10).Text("UserName", 64).Text("Note", 200, nullable: true).Instant("CreatedAt")
            .Index(true, "Day", "UserName").Build(),
        .. new TableBuilder("monthly_reports", sqlite).Id()
            .Text("Month", 7).Text("UnitCode", 64).Text("UnitName", 100).Counter("Received").Text("KindsJson").Text("CategoriesJson")
            .Counter("Replied").Counter("RepliedOnTime").Counter("Overdue").Counter("Redo").Counter("Revisited").Counter("Satisfied")
            .Counter("NotReached").Instant("CreatedAt")
            .Index(true, "Month", "UnitCode").Build(),
    ];
}
