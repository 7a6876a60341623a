using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>
/// The real host with the scheduler off and a fake clock: the job logic is driven by calling the use cases, one
/// instant at a time. Adds a school (T-SCH, handler h1) under the demo county YGS-DC with a county admin c1.
/// </summary>
public sealed class JobsTestHost : IAsyncDisposable
{
    private readonly SunshineWebFactory _factory;
    private readonly WebApplicationFactory<Program> _host;

    private JobsTestHost(DateTimeOffset start, Dictionary<string, string?>? settings)
    {
        Clock = new TestClock(start);
        var all = new Dictionary<string, string?>(settings ?? [], StringComparer.Ordinal) { ["Jobs:Enabled"] = "false" };
        _factory = new SunshineWebFactory(all);
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
    }

    public TestClock Clock { get; }

    public static async Task<JobsTestHost> StartAsync(DateTimeOffset start, Dictionary<string, string?>? settings = null)
    {
        var host = new JobsTestHost(start, settings);
        _ = host._host.Services;
        await host.WithDbAsync(async db =>
        {
            var county = await db.Units.SingleAsync(u => u.Code == "YGS-DC");
            db.Units.Add(county.CreateChild("T-SCH", "测试学校", UnitKind.School));
            db.StaffUsers.Add(StaffUser.Create("h1", "承办人甲", "x", StaffRole.Handler, "T-SCH", start));
            db.StaffUsers.Add(StaffUser.Create("c1", "县区管理员", "x", StaffRole.CentreAdmin, "YGS-DC", start));
            db.StaffUsers.Add(StaffUser.Create("duty1", "值班员", "x", StaffRole.CentreAdmin, "YGS-DC", start));
            await db.SaveChangesAsync();
        });
        return host;
    }

    public static DateTimeOffset Beijing(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> Use<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull =>
        RunAsync(sp => action(sp.GetRequiredService<TService>()));

    public Task WithDbAsync(Func<SunshineDbContext, Task> action) => RunAsync(async sp =>
    {
        await action(sp.GetRequiredService<SunshineDbContext>());
        return 0;
    });

    public Task<Ticket> TicketAsync(string number) =>
        RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().TicketsWithHistory.AsNoTracking().SingleAsync(t => t.Number == number));

    /// <summary>A web-chat complaint from device <paramref name="device"/>, received and dispatched to T-SCH now.</summary>
    public async Task<string> FileAsync(string device = "dev-1", Severity severity = Severity.Normal, Channel channel = Channel.WebChat)
    {
        var ticket = await Use<FileTicket, Ticket>(f => f.RunAsync(new TicketIntake
        {
            Kind = TicketKind.Complaint, Severity = severity, Channel = channel, Category = TicketCategory.SupplementaryMaterials,
            Description = "学校要求统一购买教辅资料", VisitorName = "张女士", VisitorPhone = "13800000000", FiledBy = device,
        }, new Actor("staff:1", "受理员")));
        await ChangeAsync(ticket.Number, (t, now, _) => t.Dispatch(new Actor("staff:1", "受理员"), now, "T-SCH"));
        return ticket.Number;
    }

    /// <summary>The unit's reply, published now (no review), and the channel notifier told as the staff pages do.</summary>
    public Task ReplyAsync(string number) =>
        ChangeAsync(number, (t, now, _) => t.Reply(new Actor("staff:2", "承办人甲"), now, "经核查，已责令学校停止统一征订并退费。", requireReview: false));

    public Task ChangeAsync(string number, Action<Ticket, DateTimeOffset, DeadlinePolicy> change) => RunAsync(async sp =>
    {
        var db = sp.GetRequiredService<SunshineDbContext>();
        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);
        change(ticket, Clock.GetUtcNow(), sp.GetRequiredService<DeadlinePolicy>());
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<List<string>> ChatTextsAsync(string device, string source) =>
        RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().ChatMessages.AsNoTracking()
            .Where(m => m.UserId == device && m.Source == source).OrderBy(m => m.Id).Select(m => m.Text ?? "").ToListAsync());

    public Task<List<Data.Jobs.StaffNotification>> NotificationsAsync(string kind) =>
        RunAsync(sp => sp.GetRequiredService<SunshineDbContext>().StaffNotifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
