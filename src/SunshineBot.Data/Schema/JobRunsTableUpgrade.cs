using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>Each scheduled job's runs and failures, for the admins' jobs page.</summary>
internal static class JobRunsTableUpgrade
{
    public static IReadOnlyList<MigrationOperation> Operations(bool sqlite) =>
    [
        .. new TableBuilder("job_runs", sqlite).Id()
            .Text("JobKey", 200).Text("Instance", 200).Instant("StartedAt").Instant("FinishedAt").Text("Error", 2000, nullable: true)
            .Index(false, "JobKey", "FinishedAt").Build(),
    ];
}
