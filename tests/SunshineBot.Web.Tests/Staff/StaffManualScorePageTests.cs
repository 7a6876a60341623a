using System.Net;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>/staff/reports/manual: centre admins enter manual rubric items; a refused entry keeps what was typed.</summary>
public sealed class StaffManualScorePageTests
{
    private const string Page = "/staff/reports/manual?kind=year&year=2026&unit=YGS&rubric=zhuhui-2019";

    [Fact]
    public async Task Save_AdminEntersAnItem_TheSheetCountsItAndShowsTheNote()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var saved = await admin.PostFormAsync(Page, Page, new() { ["Item"] = "二.2(2)", ["Score"] = "5", ["Note"] = "工单信息更新及时，评为良好" });
        var after = await admin.GetPageAsync(saved.Headers.Location!.OriginalString);
        var dashboard = await admin.GetPageAsync("/staff/reports?kind=year&year=2026&unit=YGS&rubric=zhuhui-2019");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存「二.2(2)", after, StringComparison.Ordinal);
        Assert.Contains("最近一次：5 分，工单信息更新及时，评为良好（", after, StringComparison.Ordinal);
        Assert.Contains("工单信息更新及时，评为良好", dashboard, StringComparison.Ordinal);
        var entry = Assert.Single(host.WithDb(db => db.ManualScores.ToList()));
        Assert.Equal((5.0, "YGS", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (entry.Score, entry.UnitCode, entry.FromDate, entry.ToDate));
    }

    [Theory]
    [InlineData("abc", "说明文字要保留", "分值「abc」不是数字")]
    [InlineData("9", "说明文字要保留", "分值应在0到6之间")]
    [InlineData("", "说明文字要保留", "请填写分值。")]
    [InlineData("4.5", "", "请填写评分说明")]
    public async Task Save_BadInput_ShowsTheChineseReasonKeepsTheTypedTextAndSavesNothing(string score, string note, string message)
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var response = await admin.PostFormAsync(Page, Page, new() { ["Item"] = "二.2(2)", ["Score"] = score, ["Note"] = note });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("class=\"card refused\"", page, StringComparison.Ordinal);
        if (score.Length > 0)
        {
            Assert.Contains($"name=\"Score\" inputmode=\"decimal\" value=\"{score}\"", page, StringComparison.Ordinal);
        }

        if (note.Length > 0)
        {
            Assert.Contains($">{note}</textarea>", page, StringComparison.Ordinal);
        }

        Assert.Empty(host.WithDb(db => db.ManualScores.ToList()));
    }

    [Fact]
    public async Task Save_ComputedItem_IsRefusedInChinese()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var response = await admin.PostFormAsync(Page, Page, new() { ["Item"] = "一.1", ["Score"] = "30", ["Note"] = "想改成满分" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("由系统计算，不能人工评分", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.WithDb(db => db.ManualScores.ToList()));
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryToken_IsRejectedAndSavesNothing()
    {
        using var host = new StaffTestHost();
        using var admin = await host.PagesAsync("admin");

        var response = await admin.Http.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Item"] = "二.2(2)", ["Score"] = "5", ["Note"] = "良好" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.WithDb(db => db.ManualScores.ToList()));
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("viewer")]
    public async Task Page_NotACentreAdmin_IsRefused(string user)
    {
        using var host = new StaffTestHost();
        using var client = await host.PagesAsync(user);

        var response = await client.Http.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
