using Microsoft.EntityFrameworkCore;
using Quartz;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Jobs.Deadlines;
using SunshineBot.Web.Jobs.Reports;
using SunshineBot.Web.Jobs.Retention;
using SunshineBot.Web.Jobs.Revisit;
using SunshineBot.Web.Jobs.Urgent;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Jobs;

/// <summary>A failed run as the jobs page shows it.</summary>
public sealed record JobFailure(DateTimeOffset At, string Instance, string Error);

/// <summary>One job on the jobs page: its last and next run, pending triggers, recent failures, and whether "run now" applies.</summary>
public sealed record JobLine(
    string Key, string Label, DateTimeOffset? LastRun, bool? LastSucceeded, DateTimeOffset? NextRun, int Triggers, IReadOnlyList<JobFailure> Failures, bool CanRunNow);

/// <summary>The scheduled jobs for centre admins (what Hangfire's dashboard would show, ADR 0003), and "run now".</summary>
public sealed class ListJobs(SunshineDbContext db, IServiceProvider services)
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [RevisitSurveyJob.Key.ToString()] = "回访问卷（每张工单答复后按时发送）",
        [RevisitFollowUpJob.Key.ToString()] = "回访跟进（补发、提醒、未回访）",
        [DeadlineScanJob.Key.ToString()] = "时限检查（临期提醒、超期催办）",
        [UrgentAlertJob.Key.ToString()] = "重大特急件提醒（补漏）",
        [MonthlyReportJob.Key.ToString()] = "月通报（每月1日）",
        [RetentionJob.Key.ToString()] = "超期工单匿名化（按保存期限）",
    };

    /// <summary>The scheduler, or null when jobs are off (<c>Jobs:Enabled=false</c>).</summary>
    private ISchedulerFactory? Factory => services.GetService<ISchedulerFactory>();

    public bool Enabled => Factory is not null;

    public async Task<IReadOnlyList<JobLine>> ListAsync(StaffMember member, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        if (Factory is not { } factory)
        {
            return [];
        }

        var scheduler = await factory.GetScheduler(ct);
        var lines = new List<JobLine>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var triggers = await scheduler.GetTriggersOfJob(key, ct);
            var name = key.ToString();
            var runs = db.JobRuns.AsNoTracking().Where(r => r.JobKey == name);
            var last = await runs.OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct);
            var failures = await runs.Where(r => r.Error != null).OrderByDescending(r => r.FinishedAt).Take(5)
                .Select(r => new JobFailure(r.FinishedAt, r.Instance, r.Error!)).ToListAsync(ct);
            var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var previous = triggers.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max();
            lines.Add(new JobLine(name, Labels.GetValueOrDefault(name, name), last?.FinishedAt ?? previous, last is null ? null : last.Error is null,
                next, triggers.Count, failures, CanRunNow(key)));
        }

        return lines;
    }

    /// <summary>Fires a recurring job once now (on whichever instance picks it up). The per-ticket survey cannot be run by hand.</summary>
    public async Task<string> RunNowAsync(StaffMember member, string jobKey, CancellationToken ct)
    {
        StaffPermissions.DemandAdmin(member);
        var key = Parse(jobKey);
        if (Factory is not { } factory || key is null || !CanRunNow(key))
        {
            throw new DomainException("这个任务不能手动运行。");
        }

        var scheduler = await factory.GetScheduler(ct);
        if (await scheduler.GetJobDetail(key, ct) is null)
        {
            throw new DomainException("没有找到这个任务。");
        }

        await scheduler.TriggerJob(key, ct);
        return Labels.GetValueOrDefault(key.ToString(), key.ToString());
    }

    private static bool CanRunNow(JobKey key) => !key.Equals(RevisitSurveyJob.Key);

    private static JobKey? Parse(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || dot == text.Length - 1 ? null : new JobKey(text[(dot + 1)..], text[..dot]);
    }
}
