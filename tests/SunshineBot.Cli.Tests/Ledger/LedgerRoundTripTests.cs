using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Ledger;

namespace SunshineBot.Cli.Tests.Ledger;

/// <summary>
/// Export then import into an empty database: the same ledger, the same ticket fields and the same scored timeline
/// (receipt, urges, replies, revisits, redo, closure); and the same metrics and score sheets under every rubric.
/// </summary>
[Collection("environment")]
public sealed class LedgerRoundTripTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExportThenImport_EmptyDatabase_GivesTheSameLedgerFieldsAndTimeline()
    {
        await using var source = await LedgerTestDatabase.CreateAsync();
        await using var target = await LedgerTestDatabase.CreateAsync();
        await using (var db = source.NewContext())
        {
            db.Tickets.AddRange(Tickets());
            await db.SaveChangesAsync();
        }

        var exported = source.Run("ledger", "export", source.PathOf("a.xlsx"));
        var imported = target.Run("ledger", "import", source.PathOf("a.xlsx"));
        var again = target.Run("ledger", "export", target.PathOf("b.xlsx"));

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal((0, 0), (exported.ExitCode, again.ExitCode));
        Assert.Contains("已导入 4 件工单", imported.Output, StringComparison.Ordinal);
        Assert.Equal(Read(source.PathOf("a.xlsx")), Read(target.PathOf("b.xlsx")));
        await using var a = source.NewContext();
        await using var b = target.NewContext();
        var before = await a.TicketsWithHistory.AsNoTracking().OrderBy(t => t.Number).ToListAsync();
        var after = await b.TicketsWithHistory.AsNoTracking().OrderBy(t => t.Number).ToListAsync();
        Assert.Equal(before.Select(Fields), after.Select(Fields));
        Assert.All(before.Zip(after), pair => Assert.Equal(Scored(pair.First), Scored(pair.Second)));
        Assert.Equal(before.Where(t => t.RedoCount == 0).Select(t => t.FirstReplyDueAt), after.Where(t => t.RedoCount == 0).Select(t => t.FirstReplyDueAt));
    }

    [Fact]
    public async Task Export_Unmasked_IsRecordedInTheAuditLog()
    {
        await using var source = await LedgerTestDatabase.CreateAsync();
        await using (var db = source.NewContext())
        {
            db.Tickets.AddRange(Tickets());
            await db.SaveChangesAsync();
        }

        var exported = source.Run("ledger", "export", source.PathOf("a.csv"));

        Assert.True(exported.ExitCode == 0, exported.Error);
        await using var check = source.NewContext();
        var entry = await check.AuditLog.AsNoTracking().SingleAsync();
        Assert.Equal("export", entry.Kind);
        Assert.StartsWith("cli:", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("未打码台账 4 条", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task ExportThenImport_EmptyDatabase_GivesTheSameMetricsAndScores(string format)
    {
        await using var source = await LedgerTestDatabase.CreateAsync();
        await using var target = await LedgerTestDatabase.CreateAsync();
        await using (var db = source.NewContext())
        {
            db.Tickets.AddRange(Tickets());
            await db.SaveChangesAsync();
        }

        var file = source.PathOf("ledger." + format);
        Assert.Equal(0, source.Run("ledger", "export", file).ExitCode);
        var imported = target.Run("ledger", "import", file);
        Assert.True(imported.ExitCode == 0, imported.Error);

        // A closed period (March 2026): both databases are judged as they stood at its end, not at the time of the run.
        string[] period = ["--from", "2026-03-01", "--to", "2026-03-31"];
        foreach (var unit in new[] { "YGS", "YGS-DC-001" })
        {
            var before = source.Run(["report", "metrics", .. period, "--unit", unit, "--json"]);
            var after = target.Run(["report", "metrics", .. period, "--unit", unit, "--json"]);
            Assert.Equal((0, 0), (before.ExitCode, after.ExitCode));
            Assert.Contains("\"received\"", before.Output, StringComparison.Ordinal);
            Assert.Equal(before.Output, after.Output);
        }

        foreach (var rubric in new[] { "zhuhui-2019", "weifang-2020", "changzhou-12345", "hunan-2014" })
        {
            var before = source.Run(["report", "score", "--rubric", rubric, .. period, "--json"]);
            var after = target.Run(["report", "score", "--rubric", rubric, .. period, "--json"]);
            Assert.Equal((0, 0), (before.ExitCode, after.ExitCode));
            Assert.Contains("\"deductions\"", before.Output, StringComparison.Ordinal);
            Assert.Equal(before.Output, after.Output);
        }
    }

    private static List<string[]> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return LedgerXlsx.Read(stream);
    }

    private static object Fields(Ticket t) => string.Join("|", new object?[]
    {
        t.Number, t.Kind, t.Severity, t.Channel, t.Category, t.Status, t.VisitorName, t.VisitorPhone, t.Anonymous, t.Confidential,
        t.ReceivedAt, t.ReceivingUnitCode, t.ReceivedBy, t.HandlingUnitCode, t.SchoolName, t.Description, t.DueAt, t.RepliedAt,
        t.ClosedAt, t.ClosedBy, t.ProposedAction, t.LeaderInstruction, t.RevisitRecord, t.RedoReason, t.RedoCount, t.UrgeCount,
        t.Satisfaction, t.Result, t.RevisitUnitCode, t.Finding, t.ReplyFollowsTemplate, t.ReplyHasStamp,
        string.Join(",", t.Faults.Select(f => $"{f.Kind}/{f.UnitCode}")),
    });

    /// <summary>
    /// The events the rule books score, with their times. A ledger has no dispatch or revisit time (the revisit is
    /// replayed at closure) and no time for a redo round's reply and send-back (replayed at the final reply).
    /// </summary>
    private static string Scored(Ticket t) => string.Join(";", t.Events.OrderBy(e => e.Sequence)
        .Where(e => e.Action is TicketAction.Receive or TicketAction.Urge or TicketAction.Reply or TicketAction.RecordRevisit or TicketAction.SendBack or TicketAction.Close)
        .Select(e => $"{e.Action}@{(e.Action is TicketAction.RecordRevisit || (t.RedoCount > 0 && e.Action is TicketAction.Reply or TicketAction.SendBack) ? "-" : e.At)}"));

    private static IEnumerable<Ticket> Tickets()
    {
        var policy = LedgerTestDatabase.Deadlines;
        var clerk = new Actor("u1", "李老师");
        var school = new Actor("u2", "东城一小王老师");
        Ticket New(int n, TicketKind kind, string? receiving, bool anonymous = false) => Ticket.Receive(
            new TicketIntake
            {
                Kind = kind, Channel = receiving is null ? Channel.WeChat : Channel.Phone, Category = TicketCategory.SupplementaryMaterials,
                Description = $"第{n}件：学校要求统一购买教辅，电话13912345678。", VisitorName = anonymous ? null : "王五",
                VisitorPhone = anonymous ? null : "13900001111", Anonymous = anonymous, SchoolName = "东城区第一小学", ReceivingUnitCode = receiving,
                FiledBy = receiving is null ? "wechat:o-abc" : null,
            },
            $"YG20260302-000{n}", clerk, Monday.AddMinutes(n), policy);

        var closed = New(1, TicketKind.Complaint, "YGS-DC");
        closed.ProposeAction(clerk, Monday.AddMinutes(2), "请东城一小核实");
        closed.Dispatch(clerk, Monday.AddMinutes(30), "YGS-DC-001");
        closed.Urge(clerk, Monday.AddDays(2), "请尽快");
        closed.Urge(clerk, Monday.AddDays(3), null);
        closed.Reply(school, Monday.AddDays(4), "经核实，已退费。", requireReview: false);
        closed.RecordReplyConformity(Actor.System, Monday.AddDays(4), followsTemplate: true, hasStamp: false);
        closed.StartRevisit(Actor.System, Monday.AddDays(5));
        closed.RecordRevisit(Actor.System, Monday.AddDays(5), Satisfaction.BasicallySatisfied, "家长表示基本满意");
        closed.Close(clerk, Monday.AddDays(5).AddHours(1), "已退费，家长基本满意。");
        closed.RecordFinding(clerk, Monday.AddDays(6), Finding.Substantiated, "核实属实");
        closed.TagFault(clerk, Monday.AddDays(6), FaultKind.ReplyTooThin, "只写了已处理");
        closed.TagFault(clerk, Monday.AddDays(6), FaultKind.BuckPassing, "先后推给两个部门");

        var redo = New(2, TicketKind.Complaint, "YGS-DC");
        redo.Dispatch(clerk, Monday.AddHours(1), "YGS-DC-001");
        redo.Reply(school, Monday.AddDays(1), "已处理。", requireReview: false);
        redo.RecordRevisit(Actor.System, Monday.AddDays(2), Satisfaction.Unsatisfied, "没有退费");
        redo.SendBack(clerk, Monday.AddDays(2), "家长称未退费", policy);
        redo.Reply(school, Monday.AddDays(3), "已全额退费。", requireReview: false);
        redo.RecordRevisit(Actor.System, Monday.AddDays(4), Satisfaction.Satisfied, "已收到退费");
        redo.Close(clerk, Monday.AddDays(4), "重办后已退费。");

        var open = New(3, TicketKind.Consultation, null);
        open.Dispatch(clerk, Monday.AddHours(2), "YGS-XC-001");
        open.Urge(clerk, Monday.AddDays(3), "已超期");

        var report = New(4, TicketKind.Report, null, anonymous: true);
        report.LeaderInstruct(clerk, Monday.AddMinutes(10), "从严查处");
        return [closed, redo, open, report];
    }
}
