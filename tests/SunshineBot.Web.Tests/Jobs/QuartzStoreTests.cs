using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.Web.Jobs.Revisit;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Jobs;

/// <summary>The real scheduler on the real clock: the persistent store across a restart, and a PostgreSQL cluster.</summary>
public sealed class QuartzStoreTests
{
    private static readonly Dictionary<string, string?> QuietJobs = new()
    {
        ["Revisit:Delay"] = "00:00:04",
        ["Jobs:RevisitScanInterval"] = "01:00:00",
        ["Jobs:DeadlineScanInterval"] = "01:00:00",
        ["Jobs:UrgentScanInterval"] = "01:00:00",
    };

    [Fact]
    public async Task RevisitSurvey_ScheduledBeforeRestart_FiresOnceAfterIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sunshine-jobs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>(QuietJobs) { ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "sunshine.db")}" };
        string number;
        using (var first = new SunshineWebFactory(settings))
        {
            number = await FileAndPublishAsync(first.Services);
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True(await scheduler.Exists(ScheduleRevisitSurvey.TriggerKeyOf(number, 0)));
        }

        using var second = new SunshineWebFactory(settings);
        _ = second.Services;
        await WaitForAsync(second.Services, number, TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await AssertSentOnceAsync(second.Services, number);
        Assert.False(await (await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Exists(ScheduleRevisitSurvey.TriggerKeyOf(number, 0)));
    }

    [PostgresFact]
    public async Task RevisitSurvey_TwoInstancesOnPostgres_FiresOnce()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var settings = new Dictionary<string, string?>(QuietJobs) { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database.ConnectionString };
        using var a = new SunshineWebFactory(settings);
        using var b = new SunshineWebFactory(settings);
        _ = a.Services;
        _ = b.Services;
        CountingJob.Reset();
        var schedulerA = await a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<CountingJob>().WithIdentity("counting", "tests").Build();
        var triggers = Enumerable.Range(0, 5).Select(i => TriggerBuilder.Create().WithIdentity($"counting-{i}", "tests").ForJob(job)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2)).Build()).ToList();
        await schedulerA.ScheduleJob(job, triggers, new ScheduleJobOptions());
        var number = await FileAndPublishAsync(b.Services);

        await WaitForAsync(a.Services, number, TimeSpan.FromSeconds(40));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (CountingJob.Fired.Count < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(5, CountingJob.Fired.Count);
        Assert.Equal(5, CountingJob.Fired.Distinct().Count());
        await AssertSentOnceAsync(a.Services, number);
    }

    private static async Task<string> FileAndPublishAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SunshineDbContext>();
        var ticket = await sp.GetRequiredService<FileTicket>().RunAsync(new TicketIntake
        {
            Kind = TicketKind.Complaint, Channel = Channel.WebChat, Category = TicketCategory.Uniforms, Description = "校服强制购买",
            VisitorPhone = "13800000000", FiledBy = "dev-q",
        }, new Actor("staff:1", "受理员"));
        var now = DateTimeOffset.UtcNow;
        ticket.Dispatch(new Actor("staff:1", "受理员"), now, "YGS-DC");
        ticket.Reply(new Actor("staff:2", "承办人"), now, "已核查处理。", requireReview: false);
        var notifier = sp.GetRequiredService<IParentNotifier>();
        await notifier.AddReplyPublishedAsync(ticket, default);
        await db.SaveChangesAsync();
        await notifier.ReplyPublishedSavedAsync(ticket, default);
        return ticket.Number;
    }

    private static async Task WaitForAsync(IServiceProvider services, string number, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            if (await db.Tickets.AnyAsync(t => t.Number == number && t.Status == TicketStatus.Revisiting))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The survey for {number} was not sent within {timeout}");
    }

    private static async Task AssertSentOnceAsync(IServiceProvider services, string number)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        Assert.Equal(1, await db.ChatMessages.CountAsync(m => m.UserId == "dev-q" && m.Source == "system"));
        Assert.Equal(1, await db.JobMarks.CountAsync(m => m.Key == SendRevisitSurvey.MarkKey(number, 0)));
        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);
        Assert.Single(ticket.Events, e => e.Action == TicketAction.StartRevisit);
    }
}

/// <summary>Counts firings across both scheduler instances of the process.</summary>
public sealed class CountingJob : IJob
{
    public static System.Collections.Concurrent.ConcurrentBag<string> Fired { get; private set; } = [];

    public static void Reset() => Fired = [];

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Fired.Add(context.Trigger.Key.Name);
        return ValueTask.CompletedTask;
    }
}
