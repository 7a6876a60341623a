using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

public sealed record LedgerFile(byte[] Content, string FileName, int Rows);

/// <summary>
/// 台账: the tickets the queue would show for the same filters (every page of them), one line per ticket with the
/// fields of the intake form, as CSV. Names and phones are always masked, also in free text: there is no reveal in an
/// export, so an export never needs an audit event.
/// </summary>
public sealed class ExportLedger(ListTickets list, SunshineDbContext db, WorkingDayCalendar calendar, TimeProvider clock, ILogger<ExportLedger> logger)
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "工单编号", "受理时间", "受理渠道", "受理类型", "事件级别", "类别", "学校", "涉及金额（元）", "来访人", "联系电话", "保密",
        "受理部门", "受理人", "办理部门", "交办时间", "答复时限", "办结时限", "状态", "期限情况", "问题描述", "拟办意见", "领导批示",
        "答复时间", "答复人", "延期", "催办次数", "回访情况", "满意情况", "重办次数", "重办原因", "办结时间", "办结人", "处理结果", "重复于",
    ];

    public async Task<LedgerFile> RunAsync(StaffMember member, QueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = clock.GetUtcNow();
        var rows = await list.SelectAsync(member, filter, now, ct);
        var codes = rows.SelectMany(r => new[] { r.Ticket.HandlingUnitCode, r.Ticket.ReceivingUnitCode }).OfType<string>().Distinct().ToArray();
        var names = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var content = LedgerCsv.Write(Header, rows.Select(r => Row(r.Ticket, r.Deadline, names)));
        var today = calendar.LocalDate(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        logger.LogInformation("Ledger exported by staff {User}: {Rows} tickets", member.UserName, rows.Count);
        return new LedgerFile(content, $"工单台账-{today}.csv", rows.Count);
    }

    private string[] Row(Ticket t, DeadlineState deadline, Dictionary<string, string> units)
    {
        string Unit(string? code) => code is null ? "" : units.GetValueOrDefault(code, code);
        string Time(DateTimeOffset? at) => StaffFormat.Time(calendar, at);
        string Text(string? text) => FreeTextMask.Apply(t, text);
        string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        return
        [
            t.Number, Time(t.ReceivedAt), Labels.Of(t.Channel), Labels.Of(t.Kind), Labels.Of(t.Severity), Labels.Of(t.Category),
            t.SchoolName ?? "", t.FeeAmount?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
            t.Anonymous ? "匿名" : ContactInfo.MaskName(t.VisitorName), ContactInfo.MaskPhone(t.VisitorPhone), t.Confidential ? "是" : "",
            t.ReceivingUnitCode is null ? "网上受理" : Unit(t.ReceivingUnitCode), Text(t.ReceivedBy), Unit(t.HandlingUnitCode), Time(t.DispatchedAt),
            Time(t.FirstReplyDueAt), Time(t.DueAt), Labels.Of(t.Status), StaffFormat.Deadline(deadline),
            Text(t.Description), Text(t.ProposedAction), Text(t.LeaderInstruction),
            Time(t.RepliedAt), t.RepliedBy ?? "",
            t.ExtensionWorkingDays is { } days ? $"{N(days)} 个工作日：{Text(t.ExtensionReason)}" : "",
            N(t.UrgeCount), Text(t.RevisitRecord), t.Satisfaction is { } s ? Labels.Of(s) : "", N(t.RedoCount), Text(t.RedoReason),
            Time(t.ClosedAt), t.ClosedBy ?? "", Text(t.Result), t.DuplicateOfNumber ?? "",
        ];
    }
}
