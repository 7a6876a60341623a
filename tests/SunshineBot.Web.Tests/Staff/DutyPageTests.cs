using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>值班表 for a centre admin: the shifts of the coming weeks with each person's name (the page once failed to query).</summary>
public sealed class DutyPageTests
{
    [Fact]
    public async Task DutyPage_ShiftsInTheComingWeeks_ListsThemInDateOrderWithNames()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        using var host = new StaffTestHost(clock: clock);
        host.WithDb(db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 20), UserName = "west", Note = "晚班", CreatedAt = clock.GetUtcNow() });
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 6, 13), UserName = "east", CreatedAt = clock.GetUtcNow() });
            return db.SaveChanges();
        });
        using var pages = await host.PagesAsync("admin");

        var page = await pages.GetPageAsync("/staff/duty");

        var first = page.IndexOf("east老师", StringComparison.Ordinal);
        var second = page.IndexOf("west老师", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, "both shifts listed, the earlier date first");
        Assert.Contains("晚班", page, StringComparison.Ordinal);
    }
}
