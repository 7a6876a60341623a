using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace SunshineBot.Data.Schema;

/// <summary>The list of upgrades. Append only; never edit one that has shipped.</summary>
public static class SchemaUpgrades
{
    public static IReadOnlyList<SchemaUpgrade> All { get; } =
    [
        // Version 1 is the initial schema, created from the model.
        new(1, "initial schema", _ => []),
        new(2, "knowledge-base answer log", KbAnswerLog),
        new(3, "chat conversations, messages and inbound de-duplication", ChatTablesUpgrade.Operations),
        new(4, "outbox for WeChat and other outbound messages", OutboxTableUpgrade.Operations),
        new(5, "scheduled jobs: marks, staff notifications, on-duty roster, monthly reports", JobTablesUpgrade.Operations),
        new(6, "WeChat access token shared by all instances", WeChatTokenTableUpgrade.Operations),
        new(7, "staff WeChat OpenID for alerts; tickets keep their first round's reply time and limit", StaffOpenIdAndFirstRoundUpgrade.Operations),
        new(8, "tickets record the centre's finding and the reply's conformity; fault tags", FindingsAndFaultsUpgrade.Operations),
        new(9, "tickets from other platforms (12345) keep the platform's name and number, unique per platform", ExternalTicketUpgrade.Operations),
        new(10, "scheduled jobs' runs and failures", JobRunsTableUpgrade.Operations),
        new(11, "supervisors' scores for manual rubric items", sqlite =>
        [
            .. new TableBuilder("rubric_manual_scores", sqlite).Id()
                .Text("RubricId", 64).Text("ItemId", 32).Text("UnitCode", 32).Column("FromDate", typeof(DateOnly)).Column("ToDate", typeof(DateOnly))
                .Column("Score", typeof(double)).Text("Note", 500).Text("EnteredBy", 64).Instant("EnteredAt")
                .Index(false, "RubricId", "FromDate", "ToDate").Build(),
        ]),
        new(12, "security audit log", AuditLogUpgrade.Operations),
        new(13, "handling steps: acknowledgement, re-dispatches and hand-back reason, supervision flags, on-site visits", HandlingStepsUpgrade.Operations),
        new(15, "tickets record when the retention job anonymised them", RetentionUpgrade.Operations),
        new(16, "duty roster per unit: shift hours and a phone number", UnitDutyShiftsUpgrade.Operations),
        new(17, "the staff queue's index: status, handling unit, receiving unit", sqlite =>
        [
            new CreateIndexOperation
            {
                Name = "IX_tickets_Status_HandlingUnitCode_ReceivingUnitCode", Table = "tickets", Columns = ["Status", "HandlingUnitCode", "ReceivingUnitCode"],
            },

            // SQLite's planner needs the new index's statistics to keep walking ReceivedAt for the closed tickets' page
            // (without them it sorts a million rows); PostgreSQL's autovacuum gathers its own.
            .. (sqlite ? new MigrationOperation[] { new SqlOperation { Sql = "ANALYZE tickets;" } } : []),
        ]),
        new(18, "complainants' names and phone numbers encrypted at rest, with a blind index for lookups by phone", ContactSealingUpgrade.Operations, ContactSealingUpgrade.SealExistingAsync),
        new(19, "tickets' change sequence for the search indexes; groups of similar complaints", ChangeSequenceUpgrade.Operations),
        new(20, "tickets keep which limits were counted past the working-day calendar's end", CalendarEstimateUpgrade.Operations),
    ];

    private static IReadOnlyList<MigrationOperation> KbAnswerLog(bool sqlite)
    {
        var id = new AddColumnOperation { Table = "kb_answer_log", Name = "Id", ClrType = typeof(long), IsNullable = false };
        if (sqlite)
        {
            id.AddAnnotation("Sqlite:Autoincrement", true);
        }
        else
        {
            id.AddAnnotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        var table = new CreateTableOperation
        {
            Name = "kb_answer_log",
            PrimaryKey = new AddPrimaryKeyOperation { Table = "kb_answer_log", Name = "PK_kb_answer_log", Columns = ["Id"] },
        };
        table.Columns.Add(id);
        table.Columns.Add(Column("At", sqlite ? typeof(long) : typeof(DateTimeOffset), nullable: false));
        table.Columns.Add(Column("Question", typeof(string), nullable: false, maxLength: 500));
        table.Columns.Add(Column("Status", typeof(string), nullable: false, maxLength: 16));
        table.Columns.Add(Column("EntryId", typeof(string), nullable: true, maxLength: 100));
        table.Columns.Add(Column("Score", typeof(double), nullable: false));
        table.Columns.Add(Column("Helpful", typeof(bool), nullable: true));
        return
        [
            table,
            new CreateIndexOperation { Name = "IX_kb_answer_log_At", Table = "kb_answer_log", Columns = ["At"] },
            new CreateIndexOperation { Name = "IX_kb_answer_log_EntryId", Table = "kb_answer_log", Columns = ["EntryId"] },
        ];
    }

    private static AddColumnOperation Column(string name, Type type, bool nullable, int? maxLength = null) =>
        new() { Table = "kb_answer_log", Name = name, ClrType = type, IsNullable = nullable, MaxLength = maxLength };
}
