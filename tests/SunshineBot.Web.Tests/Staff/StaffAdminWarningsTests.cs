using System.Net;
using SunshineBot.Testing;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>Admins see the calendar running out and nights or days off without anyone on duty; handlers do not.</summary>
public sealed class StaffAdminWarningsTests
{
    [Fact]
    public async Task Pages_SixWeeksBeforeTheCalendarEndsAndNobodyOnDuty_AdminsAreWarned()
    {
        // Tuesday 17 November 2026, Beijing: 44 days of calendar left.
        using var host = new StaffTestHost(clock: new TestClock(new DateTimeOffset(2026, 11, 17, 2, 0, 0, TimeSpan.Zero)));
        host.WithDb(db =>
        {
            db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = new DateOnly(2026, 11, 21), UserName = "admin", CreatedAt = DateTimeOffset.UnixEpoch });
            return db.SaveChanges();
        });
        using var admin = await host.PagesAsync("admin");
        using var handler = await host.PagesAsync("east");

        var page = WebUtility.HtmlDecode(await admin.GetPageAsync("/staff"));
        var handlers = WebUtility.HtmlDecode(await handler.GetPageAsync("/staff"));

        Assert.Contains("工作日历的节假日安排只到2026年12月31日（还剩 44 天）", page, StringComparison.Ordinal);
        Assert.Contains("值班表缺人：今晚（11月17日 周二）、11月22日 周日", page, StringComparison.Ordinal);
        Assert.DoesNotContain("11月21日", page, StringComparison.Ordinal);
        Assert.DoesNotContain("工作日历", handlers, StringComparison.Ordinal);
        Assert.DoesNotContain("值班表缺人", handlers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CalendarReachesFarAndRosterFull_NoWarning()
    {
        var today = new DateOnly(2026, 3, 2);
        using var host = new StaffTestHost(clock: new TestClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
        host.WithDb(db =>
        {
            for (var day = today; day <= today.AddDays(14); day = day.AddDays(1))
            {
                db.DutyRoster.Add(new Data.Jobs.DutyShift { Day = day, UserName = "admin", CreatedAt = DateTimeOffset.UnixEpoch });
            }

            return db.SaveChanges();
        });
        using var admin = await host.PagesAsync("admin");

        var page = WebUtility.HtmlDecode(await admin.GetPageAsync("/staff"));

        Assert.DoesNotContain("admin-warning", page, StringComparison.Ordinal);
    }
}
