using System.Net;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>/staff/jobs: the scheduled jobs with their last and next run, failures, and "run now" (admins, antiforgery).</summary>
public sealed class StaffJobsPageTests
{
    private const string MonthlyReport = "sunshine.monthly-report";

    [Fact]
    public async Task JobsPage_Admin_ListsEveryJobWithItsNextRun()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var page = await admin.GetPageAsync("/staff/jobs");

        foreach (var key in new[] { "sunshine.deadline-scan", "sunshine.urgent-alert", "sunshine.revisit-follow-up", MonthlyReport })
        {
            Assert.Contains($"data-job=\"{key}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("月通报（每月1日）", page, StringComparison.Ordinal);
        Assert.Contains("立即运行", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsPage_Handler_IsRefused()
    {
        using var host = new StaffTestHost();
        using var east = await host.PagesAsync("east");

        var response = await east.Http.GetAsync("/staff/jobs");

        Assert.DoesNotContain("data-job=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_WithAntiforgeryToken_RunsTheJobOnceAndRecordsTheRun()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");
        Assert.Equal(0, host.WithDb(db => db.JobRuns.Count(r => r.JobKey == MonthlyReport)));

        var ran = await admin.PostFormAsync("/staff/jobs", "/staff/jobs?handler=Run", new() { ["key"] = MonthlyReport });

        Assert.True(ran.IsSuccessStatusCode || ran.StatusCode == HttpStatusCode.Redirect, ran.StatusCode.ToString());
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.JobRuns.Any(r => r.JobKey == MonthlyReport)), "the monthly report's run", 30);
        var run = host.WithDb(db => db.JobRuns.Single(r => r.JobKey == MonthlyReport));
        Assert.Null(run.Error);
        Assert.Contains("成功", await admin.GetPageAsync("/staff/jobs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_WithoutAntiforgeryToken_IsRejectedAndRunsNothing()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var refused = await admin.Http.PostAsync("/staff/jobs?handler=Run", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = MonthlyReport }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, host.WithDb(db => db.JobRuns.Count(r => r.JobKey == MonthlyReport)));
    }
}
