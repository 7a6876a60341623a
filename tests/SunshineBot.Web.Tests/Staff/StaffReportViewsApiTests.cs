using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The report pages' views through the API (统计 dashboard, 失分明细, 年度自查报告): the same content as the pages,
/// within the caller's subtree, on the pages' own fixture (one late complaint at a school of each district).
/// </summary>
public sealed class StaffReportViewsApiTests
{
    private const string March = "kind=month&year=2026&month=3";

    [Fact]
    public async Task Lost_ItemOfASchool_ListsTheDeductionsWithEveryTicketBehindThem()
    {
        var (host, east, west) = await StaffReportsPageTests.TwoLateComplaintsAsync();
        using var __ = host;
        using var leader = await host.ApiAsync("leader");

        var lost = await leader.GetFromJsonAsync<JsonElement>($"/api/staff/reports/lost?{March}&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019&item=%E4%B8%80.1");
        var all = await leader.GetFromJsonAsync<JsonElement>($"/api/staff/reports/lost?{March}&unit={StaffTestHost.EastSchool}&rubric=zhuhui-2019");
        var unknown = await leader.GetAsync($"/api/staff/reports/lost?{March}&rubric=zhuhui-2019&item=nope");

        Assert.Equal((StaffTestHost.EastSchool, "一.1", "2026年3月"), (lost.GetProperty("unitCode").GetString(), lost.GetProperty("item").GetString(), lost.GetProperty("period").GetProperty("label").GetString()));
        var item = Assert.Single(lost.GetProperty("items").EnumerateArray());
        Assert.Equal("一.1", item.GetProperty("id").GetString());
        Assert.True(item.GetProperty("lost").GetDecimal() >= 10m);
        var deduction = item.GetProperty("deductions").EnumerateArray().First();
        Assert.Equal(10m, deduction.GetProperty("points").GetDecimal());
        Assert.Contains(east.Number, deduction.GetProperty("tickets").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(west.Number, all.ToString(), StringComparison.Ordinal);
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.NotEqual(0, i.GetProperty("deductions").GetArrayLength()));
        Assert.True(all.GetProperty("lost").GetDecimal() >= 10m);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("未找到", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task SelfCheck_Centre_GivesTheYearsSheetRatesFeeComparisonAndPendingManualItems()
    {
        var (host, _, _) = await StaffReportsPageTests.TwoLateComplaintsAsync();
        using var __ = host;
        using var leader = await host.ApiAsync("leader");

        var check = await leader.GetFromJsonAsync<JsonElement>("/api/staff/reports/self-check?year=2026&unit=YGS");

        Assert.Equal((2026, "2026-01-01", "2026-11-30", "hunan-2014"), (check.GetProperty("year").GetInt32(), check.GetProperty("from").GetString(), check.GetProperty("to").GetString(), check.GetProperty("rubric").GetString()));
        Assert.Equal((2, 0), (check.GetProperty("feeComplaints").GetInt32(), check.GetProperty("feeComplaintsLastYear").GetInt32()));
        Assert.Equal(JsonValueKind.Null, check.GetProperty("feeChangePercent").ValueKind);
        var manual = check.GetProperty("manual").EnumerateArray().ToList();
        Assert.NotEmpty(manual);
        Assert.Equal(manual.Count(m => m.GetProperty("enteredBy").ValueKind == JsonValueKind.Null), check.GetProperty("manualPending").GetInt32());
        Assert.All(check.GetProperty("rates").EnumerateArray(), r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("threshold").ValueKind));
        Assert.Equal(2, check.GetProperty("metrics").GetProperty("received").GetInt32());
        Assert.Equal(check.GetProperty("max").GetDecimal(), check.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("max").GetDecimal()));
    }

    [Fact]
    public async Task Dashboard_Leader_RanksBothDistrictsWithTheRatesAgainstTheRubric()
    {
        var (host, _, _) = await StaffReportsPageTests.TwoLateComplaintsAsync();
        using var __ = host;
        using var leader = await host.ApiAsync("leader");

        var view = await leader.GetFromJsonAsync<JsonElement>($"/api/staff/reports/dashboard?{March}&rubric=zhuhui-2019");

        // As on the page: the two schools lost 10 points each on 一.1 and share a rank below an untouched school.
        var ranking = view.GetProperty("ranking").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => (Rank: r.GetProperty("rank").GetInt32(), Score: r.GetProperty("score").GetDecimal()));
        Assert.Equal(ranking["东城区第一小学"], ranking["西城区第二小学"]);
        Assert.Equal(ranking["东城区实验中学"].Score - 10, ranking["东城区第一小学"].Score);
        var onTime = view.GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "按时答复率");
        Assert.Equal(0, onTime.GetProperty("numerator").GetInt32());
        Assert.Equal(2, view.GetProperty("metrics").GetProperty("received").GetInt32());
    }
}
