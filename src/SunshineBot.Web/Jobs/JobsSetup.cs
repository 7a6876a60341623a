using Quartz;
using SunshineBot.Core.Calendar;
using SunshineBot.Data;
using SunshineBot.Web.Hosting;
using SunshineBot.Web.Jobs.Deadlines;
using SunshineBot.Web.Jobs.Reports;
using SunshineBot.Web.Jobs.Retention;
using SunshineBot.Web.Jobs.Revisit;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Jobs;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Jobs;

public static class JobsSetup
{
    public const string SchedulerName = "SunshineBot";

    /// <summary>
    /// The scheduled jobs (revisit, deadlines, urgent alerts, monthly report), their use cases and the admin pages'
    /// pieces, and Quartz with its persistent store on the application database (SQLite, or PostgreSQL clustered).
    /// Call after the channels (AddChat, AddStaff): it wraps their parent notifier to schedule the revisit.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var jobs = StartupOptions.Bind<JobsOptions>(builder.Configuration, JobsOptions.Section, o => o.Validate());
        var revisit = StartupOptions.Bind<RevisitOptions>(builder.Configuration, RevisitOptions.Section, o => o.Validate());
        var privacy = StartupOptions.Bind<PrivacyOptions>(builder.Configuration, PrivacyOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.AddSingleton(jobs);
        services.AddSingleton(revisit);
        services.AddSingleton(privacy);
        services.AddScoped<AnonymiseClosedTickets>();
        services.AddScoped<JobMarks>();
        services.AddScoped<StaffNotices>();
        services.AddScoped<ParentMessages>();
        services.AddScoped<SendRevisitSurvey>();
        services.AddScoped<FollowUpRevisits>();
        services.AddScoped<ScanDeadlines>();
        services.AddScoped<RecountEstimatedLimits>();
        services.AddScoped<AlertUrgentTickets>();
        services.AddScoped<ITicketFiledHook, UrgentTicketFiledHook>();
        services.AddScoped<Staff.Tickets.ITicketDispatchedHook, UrgentTicketDispatchedHook>();
        services.AddScoped<CreateMonthlyReport>();
        services.AddScoped<ManageDutyRoster>();
        services.AddScoped<DutyRosterGaps>();
        services.AddScoped<OnDutyStaff>();
        services.AddScoped<AcknowledgeUrgentAlert>();
        services.AddScoped<Staff.AdminWarnings>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<ListMonthlyReports>();
        services.AddScoped<ListJobs>();
        if (!jobs.Enabled)
        {
            return builder;
        }

        services.AddScoped<ScheduleRevisitSurvey>();
        DecorateParentNotifier(services);
        services.AddQuartz(q => Configure(q, builder, jobs, privacy));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void Configure(IQuartzBuilder q, IHostApplicationBuilder builder, JobsOptions jobs, PrivacyOptions privacy)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DataServiceCollectionExtensions.ResolveConnectionString(database, builder.Environment.ContentRootPath);
        var postgres = database.Provider == DatabaseProvider.Postgres;
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerName;
            o.GenerateInstanceId = true;
        });
        q.UseTimeProvider(TimeProvider.System);
        q.AddJobListener<JobRunRecorder>();
        q.UsePersistentStore(store =>
        {
            store.UseSystemTextJsonSerializer();
            // Quartz 4.7 creates its QRTZ_ tables when they are missing (from its own scripts for the dialect).
            store.ProvisionSchema();
            if (postgres)
            {
                store.UsePostgres(connectionString);
            }
            else
            {
                // Microsoft.Data.Sqlite (provider "SQLite-Microsoft") with Quartz's SQLiteDelegate, chosen by UseSqlite.
                store.UseSqlite(connectionString);
            }

            if (jobs.Clustered ?? postgres)
            {
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(10);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                });
            }
        });

        q.AddJob<RevisitSurveyJob>(j => j.WithIdentity(RevisitSurveyJob.Key).StoreDurably().RequestRecovery());
        Every<RevisitFollowUpJob>(q, RevisitFollowUpJob.Key, jobs.RevisitScanInterval);
        Every<DeadlineScanJob>(q, DeadlineScanJob.Key, jobs.DeadlineScanInterval);
        Every<UrgentAlertJob>(q, UrgentAlertJob.Key, jobs.UrgentScanInterval);
        q.AddJob<MonthlyReportJob>(j => j.WithIdentity(MonthlyReportJob.Key).StoreDurably().RequestRecovery());
        q.AddTrigger(t => t.ForJob(MonthlyReportJob.Key).WithIdentity(MonthlyReportJob.Key.Name, MonthlyReportJob.Key.Group)
            .WithCronSchedule(jobs.MonthlyReportCron, c => c.InTimeZone(ShanghaiZone(builder)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity(RetentionJob.Key.Name, RetentionJob.Key.Group)
            .WithCronSchedule(privacy.RetentionCron, c => c.InTimeZone(ShanghaiZone(builder)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    private static void Every<TJob>(IQuartzBuilder q, JobKey key, TimeSpan interval)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name, key.Group).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    private static TimeZoneInfo ShanghaiZone(IHostApplicationBuilder builder)
    {
        // The calendar (registered by AddWorkingDayCalendar) knows the zone; reading it here avoids a second source.
        var calendar = builder.Services.Where(d => d.ServiceType == typeof(WorkingDayCalendar)).Select(d => d.ImplementationInstance).OfType<WorkingDayCalendar>().LastOrDefault();
        return calendar?.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    }

    // The channels register one IParentNotifier; the revisit needs to hear of every published reply too.
    private static void DecorateParentNotifier(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IParentNotifier));
        foreach (var d in services.Where(d => d.ServiceType == typeof(IParentNotifier)).ToList())
        {
            services.Remove(d);
        }

        services.AddScoped<IParentNotifier>(sp => new RevisitSchedulingNotifier(
            Create(sp, inner), sp.GetRequiredService<ScheduleRevisitSurvey>(), sp.GetRequiredService<ILogger<RevisitSchedulingNotifier>>()));
    }

    private static IParentNotifier Create(IServiceProvider sp, ServiceDescriptor? d) =>
        d switch
        {
            null => new NoParentNotifier(),
            { ImplementationInstance: IParentNotifier instance } => instance,
            { ImplementationFactory: { } factory } => (IParentNotifier)factory(sp),
            { ImplementationType: { } type } => (IParentNotifier)ActivatorUtilities.CreateInstance(sp, type),
            _ => new NoParentNotifier(),
        };
}
