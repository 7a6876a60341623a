using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Data.Knowledge;
using SunshineBot.Knowledge;

namespace SunshineBot.Web.Tests.Staff;

public sealed class StaffKnowledgePageTests
{
    [Fact]
    public async Task KnowledgePage_Admin_SeesTheAnswersParentsMarkedUnhelpfulWithTheRate()
    {
        using var host = new StaffTestHost();
        var entry = host.App.Services.GetRequiredService<KnowledgeBase>().Entries[0];
        host.WithDb(db =>
        {
            db.KbAnswerLog.AddRange(
                new KbAnswerRecord { At = DateTimeOffset.UnixEpoch, Question = "练习册必须买吗？我电话13812345678", Status = "Answered", EntryId = entry.Id, Helpful = false },
                new KbAnswerRecord { At = DateTimeOffset.UnixEpoch, Question = "校服多少钱", Status = "Answered", EntryId = entry.Id, Helpful = true },
                new KbAnswerRecord { At = DateTimeOffset.UnixEpoch, Question = "课后服务收费吗", Status = "Answered", EntryId = entry.Id, Helpful = true },
                new KbAnswerRecord { At = DateTimeOffset.UnixEpoch, Question = "午餐费", Status = "Answered", EntryId = entry.Id, Helpful = null });
            return db.SaveChanges();
        });
        using var admin = await host.PagesAsync("admin");

        var page = await admin.GetPageAsync("/staff/knowledge");

        Assert.Contains("家长认为没帮助的回答", page, StringComparison.Ordinal);
        Assert.Contains("「练习册必须买吗？我电话138****5678」", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", page, StringComparison.Ordinal);
        Assert.Contains($"回答条目：{entry.Title}（{entry.Id}）", page, StringComparison.Ordinal);
        Assert.Contains("家长评价过的回答 3 次，其中认为没帮助 1 次", page, StringComparison.Ordinal);
        Assert.Contains("超过 10%", page, StringComparison.Ordinal);
        Assert.DoesNotContain("校服多少钱", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnowledgePage_Rebuild_ReindexesForTheAdminAndIsForbiddenToAHandler()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");
        using var east = await host.PagesAsync("east");

        var rebuilt = await admin.PostFormAsync("/staff/knowledge", "/staff/knowledge?handler=Rebuild", []);
        var after = await admin.GetPageAsync("/staff/knowledge");
        var forbidden = await east.Http.GetAsync("/staff/knowledge");

        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.Contains("已重建索引", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
