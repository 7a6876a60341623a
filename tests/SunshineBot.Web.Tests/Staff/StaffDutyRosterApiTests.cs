using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>值班表 per unit through the API and the page: shifts with hours and a phone, scoped to the admin's subtree.</summary>
public sealed class StaffDutyRosterApiTests
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero)); // Wednesday, Beijing 10:00

    [Fact]
    public async Task AddShift_NightShiftOfASchoolWithPhone_ListedWithHoursAndPhoneAndCountsForTheGaps()
    {
        using var host = new StaffTestHost(clock: Clock);
        using var admin = await host.ApiAsync("admin");

        var added = await admin.PostAsJsonAsync("/api/staff/duty", new
        {
            from = "2026-06-13", to = "2026-06-14", userName = "east", unitCode = StaffTestHost.EastSchool, startsAt = "18:00", endsAt = "08:00", phone = "0734-8100101", note = "周末夜班",
        });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());

        var lines = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/duty?from=2026-06-10&days=7&unit={StaffTestHost.EastSchool}");
        Assert.Equal(2, lines.GetArrayLength());
        var first = lines[0];
        Assert.Equal(("2026-06-13", StaffTestHost.EastSchool, "18:00", "08:00", "0734-8100101"), (first.GetProperty("day").GetString(), first.GetProperty("unitCode").GetString(),
            first.GetProperty("startsAt").GetString(), first.GetProperty("endsAt").GetString(), first.GetProperty("phone").GetString()));
        Assert.Equal("18:00–次日08:00", first.GetProperty("hours").GetString());

        // The school now keeps a roster: tonight (Wednesday) it has nobody, the weekend is covered.
        var gaps = await admin.GetFromJsonAsync<JsonElement>("/api/staff/duty/gaps");
        var school = gaps.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == StaffTestHost.EastSchool);
        var uncovered = school.GetProperty("uncovered").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains("2026-06-10", uncovered);
        Assert.DoesNotContain("2026-06-13", uncovered);
        Assert.Contains(gaps.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("（东城区第一小学）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddShift_NoPhoneOrBadHours_ChineseProblemAndNothingSaved()
    {
        using var host = new StaffTestHost(clock: Clock);
        using var admin = await host.ApiAsync("admin");

        var noPhone = await admin.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-13", userName = "east" });
        var badHours = await admin.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-13", userName = "east", phone = "13800001111", startsAt = "25:00", endsAt = "08:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPhone.StatusCode);
        Assert.Contains("值班电话", (await noPhone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badHours.StatusCode);
        Assert.Contains("值班时间", (await badHours.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.WithDb(db => db.DutyRoster.Count()));
    }

    [Fact]
    public async Task CountyAdmin_OtherCountysSchoolOrTheCentresLines_NotFoundAndNotListed()
    {
        using var host = new StaffTestHost(clock: Clock);
        host.WithDb(db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "admin", Phone = "110", CreatedAt = Clock.GetUtcNow() });
            return db.SaveChanges();
        });
        using var county = await host.ApiAsync("dcadmin");

        var foreign = await county.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-13", userName = "dcadmin", unitCode = StaffTestHost.WestSchool, phone = "13800001111" });
        var own = await county.PostAsJsonAsync("/api/staff/duty", new { from = "2026-06-13", userName = "east", unitCode = StaffTestHost.EastSchool, phone = "13800001111" });
        var lines = await county.GetFromJsonAsync<JsonElement>("/api/staff/duty?from=2026-06-10&days=7");
        var legacy = host.WithDb(db => db.DutyRoster.Single(s => s.UserName == "admin").Id);
        var remove = await county.DeleteAsync($"/api/staff/duty/{legacy}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["east"], lines.EnumerateArray().Select(l => l.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(2, host.WithDb(db => db.DutyRoster.Count()));
    }

    [Fact]
    public async Task DutyPage_RefusedShift_KeepsWhatWasTypedAndShowsTheReason()
    {
        using var host = new StaffTestHost(clock: Clock);
        using var pages = await host.PagesAsync("admin");

        var response = await pages.PostFormAsync("/staff/duty", "/staff/duty?handler=Add", new()
        {
            ["from"] = "2026-06-13", ["userName"] = "east", ["unitCode"] = StaffTestHost.EastSchool, ["startsAt"] = "18:00", ["endsAt"] = "08:00", ["phone"] = "", ["note"] = "端午夜班",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请填写值班电话", page, StringComparison.Ordinal);
        Assert.Contains("value=\"端午夜班\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"18:00\"", page, StringComparison.Ordinal);

        var ok = await pages.PostFormAsync("/staff/duty", "/staff/duty?handler=Add", new()
        {
            ["from"] = "2026-06-13", ["userName"] = "east", ["unitCode"] = StaffTestHost.EastSchool, ["startsAt"] = "18:00", ["endsAt"] = "08:00", ["phone"] = "0734-8100101",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var listed = WebUtility.HtmlDecode(await pages.GetPageAsync($"/staff/duty?unit={StaffTestHost.EastSchool}"));
        Assert.Contains("18:00–次日08:00", listed, StringComparison.Ordinal);
        Assert.Contains("tel:0734-8100101", listed, StringComparison.Ordinal);
        Assert.Contains("东城区第一小学 · east老师（east）", listed, StringComparison.Ordinal);
    }
}
