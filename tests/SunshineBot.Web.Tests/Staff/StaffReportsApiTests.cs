using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>The reports API: the JSON shapes, xlsx, and each reader's subtree.</summary>
public sealed class StaffReportsApiTests
{
    // Tickets are filed at the host's real time: the period is this year (the test asserts no time of day).
    private static readonly string ThisYear = $"from={TimeProvider.System.GetUtcNow().Year}-01-01&to={TimeProvider.System.GetUtcNow().Year}-12-31";

    [Fact]
    public async Task Score_Leader_GetsTheSheetJsonForTheSubtreeWithTicketNumbers()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool });
        using var leader = await host.ApiAsync("leader");

        var response = await leader.GetAsync($"/api/staff/reports/score?rubric=zhuhui-2019&{ThisYear}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zhuhui-2019", body.GetProperty("rubric").GetString());
        Assert.EndsWith("-01-01", body.GetProperty("from").GetString(), StringComparison.Ordinal);
        var east = body.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == StaffTestHost.EastSchool);
        Assert.Equal(100m, east.GetProperty("max").GetDecimal());
        var item = east.GetProperty("items").EnumerateArray().First();
        Assert.Equal(["id", "title", "points", "max", "manual", "deductions"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("一.1", item.GetProperty("id").GetString());
        Assert.All(body.GetProperty("units").EnumerateArray(), u => Assert.StartsWith("YGS", u.GetProperty("code").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_Xlsx_IsAWorkbook()
    {
        using var host = new StaffTestHost();
        await host.FileComplaintAsync();
        using var viewer = await host.ApiAsync("viewer");

        var json = await viewer.GetFromJsonAsync<JsonElement>($"/api/staff/reports/metrics?{ThisYear}");
        var xlsx = await viewer.GetAsync($"/api/staff/reports/metrics?{ThisYear}&format=xlsx");

        Assert.Equal(1, json.GetProperty("metrics").GetProperty("received").GetInt32());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
    }

    [Fact]
    public async Task Metrics_HandedBackRedispatchedAndSigned_ShowsTimeToAcknowledgeAndTheRedispatch()
    {
        using var host = new StaffTestHost();
        var ticket = await host.FileComplaintAsync();
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");
        using var west = await host.ApiAsync("west");
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.EastSchool })).EnsureSuccessStatusCode();
        (await east.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/hand-back", new { reason = "不属本校" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/dispatch", new { unitCode = StaffTestHost.WestSchool })).EnsureSuccessStatusCode();
        (await west.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/acknowledge", new { })).EnsureSuccessStatusCode();

        var metrics = (await admin.GetFromJsonAsync<JsonElement>($"/api/staff/reports/metrics?{ThisYear}")).GetProperty("metrics");

        Assert.Equal(1, metrics.GetProperty("hoursToAcknowledge").GetProperty("count").GetInt32());
        Assert.Equal((1, 1), (metrics.GetProperty("redispatches").GetInt32(), metrics.GetProperty("ticketsRedispatched").GetInt32()));
    }

    [Theory]
    [InlineData("east", "/api/staff/reports/metrics?from=2026-01-01&to=2026-12-31", HttpStatusCode.Forbidden)]
    [InlineData("dcadmin", "/api/staff/reports/metrics?from=2026-01-01&to=2026-12-31&unit=YGS-XC-001", HttpStatusCode.NotFound)]
    [InlineData("leader", "/api/staff/reports/metrics?from=2026-13-01&to=2026-12-31", HttpStatusCode.UnprocessableEntity)]
    [InlineData("leader", "/api/staff/reports/score?rubric=nope&from=2026-01-01&to=2026-12-31", HttpStatusCode.UnprocessableEntity)]
    [InlineData("east", "/api/staff/reports/self-check?year=2026", HttpStatusCode.Forbidden)]
    [InlineData("east", "/api/staff/reports/lost?kind=year&year=2026", HttpStatusCode.Forbidden)]
    [InlineData("dcadmin", "/api/staff/reports/lost?kind=year&year=2026&unit=YGS-XC-001", HttpStatusCode.NotFound)]
    [InlineData("dcadmin", "/api/staff/reports/self-check?year=2026&unit=YGS-XC", HttpStatusCode.NotFound)]
    [InlineData("leader", "/api/staff/reports/self-check?year=26x", HttpStatusCode.UnprocessableEntity)]
    [InlineData("leader", "/api/staff/reports/dashboard?kind=week", HttpStatusCode.UnprocessableEntity)]
    public async Task Reports_OutOfRoleScopeOrBadInput_AreRefusedInChinese(string user, string url, HttpStatusCode status)
    {
        using var host = new StaffTestHost();
        using var client = await host.ApiAsync(user);

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Matches("[\\u4e00-\\u9fff]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Manual_AdminEntry_ChangesTheManualItem()
    {
        using var host = new StaffTestHost();
        using var admin = await host.ApiAsync("admin");

        var saved = await admin.PostAsJsonAsync("/api/staff/reports/manual", new { rubric = "zhuhui-2019", from = "2026-01-01", to = "2026-12-31", unit = "YGS", item = "二.2(2)", score = 5, note = "良好" });
        var sheet = await admin.GetFromJsonAsync<JsonElement>("/api/staff/reports/score?rubric=zhuhui-2019&from=2026-01-01&to=2026-12-31&unit=YGS");
        var tooMuch = await admin.PostAsJsonAsync("/api/staff/reports/manual", new { rubric = "zhuhui-2019", from = "2026-01-01", to = "2026-12-31", unit = "YGS", item = "二.2(2)", score = 9, note = "x" });

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var item = sheet.GetProperty("units")[0].GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "二.2(2)");
        Assert.Equal(5m, item.GetProperty("points").GetDecimal());
        Assert.True(item.GetProperty("manual").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
    }
}
