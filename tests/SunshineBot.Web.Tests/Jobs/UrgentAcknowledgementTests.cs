using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Access;
using static SunshineBot.Web.Tests.Jobs.JobsTestHost;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>Urgent alerts must be acknowledged; unacknowledged ones go up to the centre after Jobs:UrgentAckTimeout.</summary>
public sealed class UrgentAcknowledgementTests
{
    private static readonly StaffMember Duty = new(3, "duty1", "值班员", StaffRole.CentreAdmin, "YGS-DC", "示例县教育局", "/YGS/YGS-DC/", false);

    private static readonly StaffMember Handler = new(2, "h1", "承办人甲", StaffRole.Handler, "T-SCH", "测试学校", "/YGS/YGS-DC/T-SCH/", false);

    [Fact]
    public async Task Scan_AlertNotAcknowledgedWithinTheTimeout_EscalatesOnceAcknowledgedOneNever()
    {
        await using var host = await StartAsync(Beijing(6, 13, 23), new() { ["Jobs:UrgentAckTimeout"] = "00:20:00" });
        await host.WithDbAsync(async db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "duty1", CreatedAt = host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var acknowledged = await host.FileAsync(severity: Severity.Urgent);
        var ignored = await host.FileAsync(device: "dev-2", severity: Severity.Urgent);
        Task<IReadOnlyList<string>> Scan(int minutes)
        {
            host.Clock.Set(Beijing(6, 13, 23, minutes));
            return host.Use<AlertUrgentTickets, IReadOnlyList<string>>(a => a.EscalateUnacknowledgedAsync([acknowledged, ignored], host.Clock.GetUtcNow(), default));
        }

        host.Clock.Set(Beijing(6, 13, 23, 5));
        await host.Use<AcknowledgeUrgentAlert, int>(async a => { await a.RunAsync(Duty, acknowledged, default); return 0; });
        var twice = await Assert.ThrowsAsync<DomainException>(() => host.Use<AcknowledgeUrgentAlert, int>(async a => { await a.RunAsync(Duty, acknowledged, default); return 0; }));
        Assert.Contains("值班员", twice.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StaffForbiddenException>(() => host.Use<AcknowledgeUrgentAlert, int>(async a => { await a.RunAsync(Handler, ignored, default); return 0; }));

        Assert.Empty(await Scan(15));
        Assert.Equal([ignored], await Scan(21));
        Assert.Empty(await Scan(40));

        var escalations = await host.NotificationsAsync("urgent-escalated");
        Assert.NotEmpty(escalations);
        Assert.All(escalations, n => Assert.Equal(ignored, n.TicketNumber));
        Assert.Contains(escalations, n => n.Text.Contains("20 分钟", StringComparison.Ordinal));
        var ticket = await host.TicketAsync(ignored);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.AddNote && e.Note!.Contains("已上报服务中心", StringComparison.Ordinal));
        var done = await host.TicketAsync(acknowledged);
        Assert.Single(done.Events, e => e.Note == AcknowledgeUrgentAlert.AckNote && e.ActorName == "值班员");
    }
}
