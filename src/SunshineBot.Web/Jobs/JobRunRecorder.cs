using Microsoft.EntityFrameworkCore;
using Quartz;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Records every run of every job (start, end, instance, error) in <c>job_runs</c> for the jobs page; runs older
/// than <see cref="Keep"/> are pruned as new ones arrive. A failure to record never fails the job.
/// </summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunRecorder> logger) : IJobListener
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(30);

    public string Name => "sunshine-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key.ToString();
        var now = clock.GetUtcNow();
        var error = jobException is null ? null : Describe(jobException.InnerException ?? jobException);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            db.JobRuns.Add(new JobRun
            {
                JobKey = key,
                Instance = Truncate(context.Scheduler.SchedulerInstanceId, 200),
                StartedAt = context.FireTimeUtc,
                FinishedAt = now,
                Error = error,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            var before = now - Keep;
            await db.JobRuns.Where(r => r.JobKey == key && r.FinishedAt < before).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "Could not record the run of job {Job}", key);
        }
    }

    private static string Describe(Exception e) => Truncate($"{e.GetType().Name}: {e.Message}", 2000);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
