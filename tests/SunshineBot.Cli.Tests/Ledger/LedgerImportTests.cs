using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Ledger;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Ledger;
using SunshineBot.Data.Tickets;

namespace SunshineBot.Cli.Tests.Ledger;

/// <summary><c>sunshinebot ledger import</c>: every problem by line and column, all or nothing, idempotent by number.</summary>
[Collection("environment")]
public sealed class LedgerImportTests
{
    [Fact]
    public async Task Import_BadRows_ReportsEachByRowAndColumnAndImportsNothing()
    {
        await using var database = await LedgerTestDatabase.CreateAsync();
        var file = Write(database, "bad.csv",
            Good("YG20260305-0001"),
            Good("YG20260305-0002") with { Kind = "吐槽", Phone = "139****1111" },
            Good("YG20260305-0003") with { Receiving = "北城区教育局", Handling = "第一小学" },
            Good("YG20260305-0004") with { Replied = "2026-03-04 10:00:00", Urges = "2026-03-05 15:00:00;昨天" },
            Good("YG20260305-0001") with { Description = "同一个号又出现一次" },
            Good("YG20260305-0006") with { Closed = "2026-03-10 10:00:00", Result = "", Finding = "大概属实", Tags = "推诿扯皮;态度不好" });

        var (exit, _, error) = database.Run("ledger", "import", file);

        Assert.Equal(1, exit);
        Assert.Contains("第 3 行「联系电话」：电话是打码的", error, StringComparison.Ordinal);
        Assert.Contains("第 3 行「受理类型」：「吐槽」不是可选的值", error, StringComparison.Ordinal);
        Assert.Contains("第 4 行「受理部门」：未找到单位「北城区教育局」", error, StringComparison.Ordinal);
        Assert.Contains("第 4 行「办理部门」：有 2 个单位都叫「第一小学」", error, StringComparison.Ordinal);
        Assert.Contains("第 5 行「答复时间」：2026-03-04 10:00:00 早于受理时间", error, StringComparison.Ordinal);
        Assert.Contains("第 5 行「催办时间」：「昨天」不是时间", error, StringComparison.Ordinal);
        Assert.Contains("第 6 行「工单号」：工单号 YG20260305-0001 与第 2 行重复", error, StringComparison.Ordinal);
        Assert.Contains("第 7 行「处理结果」：已办结的工单必须写明处理结果", error, StringComparison.Ordinal);
        Assert.Contains("第 7 行「核实结论」：「大概属实」不是可选的值", error, StringComparison.Ordinal);
        Assert.Contains("第 7 行「问题标签」：「态度不好」不是问题标签", error, StringComparison.Ordinal);
        Assert.Contains("没有导入任何工单", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Split('\n'), l => l.StartsWith("第 2 行", StringComparison.Ordinal));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task Import_MissingColumnOrWrongFile_IsRefusedInChinese()
    {
        await using var database = await LedgerTestDatabase.CreateAsync();
        var noColumn = database.PathOf("short.csv");
        await File.WriteAllTextAsync(noColumn, "工单号,受理时间\r\nYG20260305-0001,2026-03-05 09:00:00\r\n");
        var notXlsx = database.PathOf("fake.xlsx");
        await File.WriteAllTextAsync(notXlsx, "这不是工作簿");

        var missing = database.Run("ledger", "import", noColumn);
        var broken = database.Run("ledger", "import", notXlsx);
        var wrongKind = database.Run("ledger", "import", database.PathOf("ledger.txt"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("第 1 行「问题描述」：表头缺少这一列", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("不是有效的 Excel 工作簿", broken.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrongKind.ExitCode);
        Assert.Contains("只能导入 .xlsx 或 .csv", wrongKind.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileTwice_ImportsOnceWithTheLiveTimelineAndRaisesTheCounter()
    {
        await using var database = await LedgerTestDatabase.CreateAsync();
        var file = Write(database, "good.csv", Good("YG20260305-0007"), Good("YG20260305-0002") with { Replied = "", Closed = "", Satisfaction = "", Result = "" });

        var dry = database.Run("ledger", "import", file, "--dry-run");
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Tickets.CountAsync());
        }

        var first = database.Run("ledger", "import", file);
        var second = database.Run("ledger", "import", file);

        Assert.Equal((0, 0, 0), (dry.ExitCode, first.ExitCode, second.ExitCode));
        Assert.Contains("将导入 2 件", dry.Output, StringComparison.Ordinal);
        Assert.Contains("已导入 2 件工单", first.Output, StringComparison.Ordinal);
        Assert.Contains("已导入 0 件工单，已存在跳过 2 件", second.Output, StringComparison.Ordinal);
        await using var check = database.NewContext();
        Assert.Equal(2, await check.Tickets.CountAsync());
        var closed = await check.TicketsWithHistory.SingleAsync(t => t.Number == "YG20260305-0007");
        Assert.Equal(
            [TicketAction.Receive, TicketAction.Dispatch, TicketAction.Urge, TicketAction.Urge, TicketAction.Reply, TicketAction.RecordReplyConformity, TicketAction.RecordRevisit, TicketAction.Close],
            closed.Events.OrderBy(e => e.Sequence).Select(e => e.Action));
        Assert.Equal((TicketStatus.Closed, "YGS-DC-001", "YGS-DC", 2, Satisfaction.Satisfied), (closed.Status, closed.HandlingUnitCode, closed.ReceivingUnitCode, closed.UrgeCount, closed.Satisfaction));
        Assert.Equal(("13900001111", true, false), (closed.VisitorPhone, closed.ReplyFollowsTemplate, closed.ReplyHasStamp));
        var open = await check.Tickets.SingleAsync(t => t.Number == "YG20260305-0002");
        Assert.Equal(TicketStatus.Dispatched, open.Status);
        Assert.Equal("YG20260305-0008", await new TicketNumberGenerator(check).NextAsync(new DateOnly(2026, 3, 5)));
    }

    internal sealed record Line(string Number)
    {
        public string Received { get; init; } = "2026-03-05 09:00:00";
        public string Name { get; init; } = "王五";
        public string Phone { get; init; } = "13900001111";
        public string Kind { get; init; } = "投诉";
        public string Receiving { get; init; } = "YGS-DC";
        public string Handling { get; init; } = "东城区第一小学";
        public string Description { get; init; } = "学校要求统一购买教辅资料，每人120元。";
        public string Replied { get; init; } = "2026-03-06 10:00:00";
        public string Closed { get; init; } = "2026-03-10 10:00:00";
        public string Satisfaction { get; init; } = "满意";
        public string Result { get; init; } = "学校已停止统一征订并退费。";
        public string Urges { get; init; } = "2026-03-05 15:00:00;2026-03-06 09:00:00";
        public string Finding { get; init; } = "";
        public string Tags { get; init; } = "";
    }

    internal static Line Good(string number) => new(number);

    internal static string Write(LedgerTestDatabase database, string name, params Line[] lines)
    {
        var rows = lines.Select(l =>
        {
            var cells = new string[LedgerColumns.All.Count];
            Array.Fill(cells, "");
            void Set(string column, string value) => cells[LedgerColumns.IndexOf(column)] = value;
            Set(LedgerColumns.Number, l.Number);
            Set(LedgerColumns.ReceivedAt, l.Received);
            Set(LedgerColumns.VisitorName, l.Name);
            Set(LedgerColumns.VisitorPhone, l.Phone);
            Set(LedgerColumns.Kind, l.Kind);
            Set(LedgerColumns.Severity, "一般件");
            Set(LedgerColumns.Channel, "电话");
            Set(LedgerColumns.ReceivingUnit, l.Receiving);
            Set(LedgerColumns.ReceivedBy, "李老师");
            Set(LedgerColumns.HandlingUnit, l.Handling);
            Set(LedgerColumns.School, "东城区第一小学");
            Set(LedgerColumns.Category, "教辅资料");
            Set(LedgerColumns.Description, l.Description);
            Set(LedgerColumns.RepliedAt, l.Replied);
            Set(LedgerColumns.ClosedAt, l.Closed);
            Set(LedgerColumns.ClosedBy, l.Closed.Length > 0 ? "张主任" : "");
            Set(LedgerColumns.Satisfaction, l.Satisfaction);
            Set(LedgerColumns.Result, l.Result);
            Set(LedgerColumns.Urges, l.Urges);
            Set(LedgerColumns.ReplyConforms, "是");
            Set(LedgerColumns.Finding, l.Finding);
            Set(LedgerColumns.FaultTags, l.Tags);
            return (IReadOnlyList<string>)cells;
        });
        var path = database.PathOf(name);
        File.WriteAllBytes(path, LedgerCsv.Write(LedgerColumns.All, rows));
        return path;
    }
}
