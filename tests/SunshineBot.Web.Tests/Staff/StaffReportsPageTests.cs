using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>The dashboard pages (/staff/reports and below) through the real host: scope, drill-down, sheet and self-check.</summary>
public sealed class StaffReportsPageTests
{
    // Monday 2026-03-02 10:00 in Beijing; both tickets are still unanswered three weeks later.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private const string March = "kind=month&year=2026&month=3";

    /// <summary>A host with one unanswered complaint at a school of each district, judged three weeks later.</summary>
    internal static async Task<(StaffTestHost Host, Ticket East, Ticket West)> TwoLateComplaintsAsync(bool kestrel = false)
    {
        var clock = new TestClock(Monday);
        var host = new StaffTestHost(kestrel: kestrel, clock: clock);
        var east = await host.FileComplaintAsync();
        var west = await host.FileComplaintAsync(school: "西城区第二小学");
        using (var scope = host.App.Services.CreateScope())
        {
            // Through the use case, not the API: with Kestrel the factory's in-process client is not there.
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var user = db.StaffUsers.Single(u => u.UserName == "admin");
            var root = db.Units.Single(u => u.Code == "YGS");
            var admin = new StaffMember(user.Id, user.UserName, user.DisplayName, user.Role, root.Code, root.Name, root.Path, true);
            var dispatch = scope.ServiceProvider.GetRequiredService<DispatchTicket>();
            await dispatch.RunAsync(admin, east.Number, new DispatchRequest(StaffTestHost.EastSchool, null), CancellationToken.None);
            await dispatch.RunAsync(admin, west.Number, new DispatchRequest(StaffTestHost.WestSchool, null), CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromDays(21));
        return (host, east, west);
    }

    [Fact]
    public async Task Dashboard_DistrictAdmin_SeesOnlyItsDistrictsUnitsAndTickets()
    {
        var (host, east, west) = await TwoLateComplaintsAsync();
        using var _ = host;
        using var dc = await host.PagesAsync("dcadmin");

        var page = await dc.GetPageAsync($"/staff/reports?{March}");
        var other = await dc.Http.GetAsync($"/staff/reports?{March}&unit={StaffTestHost.WestSchool}");

        Assert.Contains("东城区第一小学", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/tickets/{east.Number}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(west.Number, page, StringComparison.Ordinal);
        Assert.DoesNotContain("西城区", page, StringComparison.Ordinal);
        Assert.Contains("<li><b>1</b>受理总量</li>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Leader_RanksBothDistrictsAndDrawsSvgWithoutScript()
    {
        var (host, east, west) = await TwoLateComplaintsAsync();
        using var _ = host;
        using var leader = await host.PagesAsync("leader");

        var page = await leader.GetPageAsync($"/staff/reports?{March}&rubric=zhuhui-2019");

        Assert.Contains(east.Number, page, StringComparison.Ordinal);
        Assert.Contains(west.Number, page, StringComparison.Ordinal);
        Assert.Contains("期末仍未办理回复", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", page, StringComparison.Ordinal);
        // Two schools lost 10 points each on 一.1 (never replied): they share a rank, 10 points below an untouched school.
        var eastRow = RankRow(page, "东城区第一小学");
        var westRow = RankRow(page, "西城区第二小学");
        var quiet = RankRow(page, "东城区实验中学");
        Assert.Equal(eastRow, westRow);
        Assert.Equal(quiet.Score - 10, eastRow.Score);
        Assert.True(quiet.Rank < eastRow.Rank);
    }

    [Fact]
    public async Task Dashboard_GradedManualItemNotYetEntered_IsMarkedPendingAndNotCountedAsLost()
    {
        var (host, _, _) = await TwoLateComplaintsAsync();
        using (host)
        {
            using var viewer = await host.PagesAsync("viewer");

            var page = await viewer.GetPageAsync($"/staff/reports?{March}");

            Assert.Contains("尚未录入", page, StringComparison.Ordinal);
        }

        var pending = new Core.Scoring.ItemScore("二.2(2)", "平时考核", 0m, 6m, Manual: true, Bonus: false, [], "优秀6分");
        var entered = pending with { Points = 4m, Deductions = [new Core.Scoring.Deduction(2m, "良好", [])] };
        var computed = new Core.Scoring.ItemScore("一.1", "答复", 20m, 30m, Manual: false, Bonus: false, [], null);
        Assert.Equal(0m, Web.Staff.Reports.ReadDashboard.LostPoints(pending));
        Assert.Equal(2m, Web.Staff.Reports.ReadDashboard.LostPoints(entered));
        Assert.Equal(10m, Web.Staff.Reports.ReadDashboard.LostPoints(computed));
    }

    [Fact]
    public async Task Dashboard_Handler_IsRefused()
    {
        using var host = new StaffTestHost();
        using var east = await host.PagesAsync("east");

        var response = await east.Http.GetAsync("/staff/reports");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("报表", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=month&year=2026&month=13", "月份应为1到12。")]
    [InlineData("kind=week", "统计期间只能按月、按季度或按年选择。")]
    [InlineData("year=20x6", "年份应为2000到2100之间的四位数。")]
    [InlineData("rubric=nope", "没有评分细则「nope」")]
    public async Task Dashboard_BadPicker_ShowsTheChineseMessageAndThePicker(string query, string message)
    {
        using var host = new StaffTestHost();
        using var viewer = await host.PagesAsync("viewer");

        var response = await viewer.Http.GetAsync($"/staff/reports?{query}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("id=\"picker\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_ItemOfASchool_ListsEveryTicketBehindTheLostPoints()
    {
        var (host, east, _) = await TwoLateComplaintsAsync();
        using var __ = host;
        using var leader = await host.PagesAsync("leader");

        var page = await leader.GetPageAsync($"/staff/reports/lost?{March}&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019&item=%E4%B8%80.1");
        var unknown = await leader.Http.GetAsync($"/staff/reports/lost?{March}&rubric=zhuhui-2019&item=nope");

        Assert.Contains($"<a class=\"no\" href=\"/staff/tickets/{east.Number}\">{east.Number}</a>", page, StringComparison.Ordinal);
        Assert.Contains("−10", page, StringComparison.Ordinal);
        Assert.DoesNotContain("一.2", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Sheet_And_SelfCheck_ArePrintableWithTheirFigures()
    {
        var (host, east, _) = await TwoLateComplaintsAsync();
        using var __ = host;
        using var leader = await host.PagesAsync("leader");

        var sheet = await leader.GetPageAsync($"/staff/reports/sheet?{March}&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019");
        var check = await leader.GetPageAsync("/staff/reports/self-check?year=2026&unit=YGS");
        var xlsx = await leader.Http.GetAsync($"/staff/reports?handler=Xlsx&{March}&rubric=weifang-2020");

        Assert.Contains($"<span class=\"no\">{east.Number}</span>", sheet, StringComparison.Ordinal);
        Assert.Contains("data-print", sheet, StringComparison.Ordinal);
        Assert.Contains("考核人", sheet, StringComparison.Ordinal);
        Assert.Contains("2026 年度教育阳光服务工作自查报告", check, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 至 2026-11-30", check, StringComparison.Ordinal);
        Assert.Contains("收费类投诉举报</th><td>2 件，上年同期 0 件", check, StringComparison.Ordinal);
        Assert.Contains("尚未录入", check, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    private static (int Rank, decimal Score) RankRow(string page, string unit)
    {
        var m = System.Text.RegularExpressions.Regex.Match(page, $"<td class=\"num\">(\\d+)</td><td><a [^>]+>{unit}</a></td><td class=\"num\">([\\d.]+)</td>");
        Assert.True(m.Success, $"{unit} is not ranked");
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
