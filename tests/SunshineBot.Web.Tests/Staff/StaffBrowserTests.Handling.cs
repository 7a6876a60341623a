using System.Text.RegularExpressions;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

public sealed partial class StaffBrowserTests
{
    [ChromiumFact]
    public async Task UnitSteps_AcknowledgeVisitHandBack_OnAPhone_EachOnTheTimeline()
    {
        using var host = new StaffTestHost(kestrel: true);
        var ticket = await host.FileComplaintAsync();
        host.WithDb(db =>
        {
            // The centre's side, as its API does it (the test server's client does not reach a Kestrel host).
            var saved = db.TicketsWithHistory.Single(t => t.Id == ticket.Id);
            var now = TimeProvider.System.GetUtcNow();
            saved.Dispatch(new Actor("staff:admin", "管理员"), now, StaffTestHost.EastSchool);
            saved.FlagCase(new Actor("staff:admin", "管理员"), now, CaseFlag.Supervised, now.AddDays(3), onSiteVisit: true, null);
            return db.SaveChanges();
        });

        await using var phones = await PhoneBrowser.LaunchAsync(host.Address, "staff");
        var page = await phones.NewPhoneAsync();
        await StaffPhone.LoginAsync(page, "east");
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        await Expect(page.Locator("dd.flag")).ToContainTextAsync("督办件", new() { Timeout = Wait });
        await phones.ShotAsync(page, "10-unit-dispatched");

        await page.Locator("form#acknowledge button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已签收", new() { Timeout = Wait });
        await Expect(page.Locator("dd.acknowledged")).ToContainTextAsync("east老师", new() { Timeout = Wait });

        await page.Locator("form#visit textarea[name=text]").FillAsync("11月24日到校核查：教辅资料由班主任统一代购，学校已责令停止。");
        await page.Locator("form#visit button[type=submit]").ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已现场核查", new() { Timeout = Wait });
        await phones.ShotAsync(page, "11-unit-acknowledged-visited");
        await PhoneBrowser.AssertFitsAsync(page);

        await page.Locator("form#hand-back textarea[name=text]").FillAsync("反映的是西城区第二小学的问题，请转交。");
        await page.Locator("form#hand-back button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff$"), new() { Timeout = Wait });
        await Expect(page.Locator(".notice")).ToContainTextAsync("已退回服务中心", new() { Timeout = Wait });
        await phones.ShotAsync(page, "12-unit-handed-back");

        var saved = host.WithDb(db => db.TicketEvents.Where(e => e.TicketId == ticket.Id).Select(e => e.Action).ToList());
        Assert.Equal([TicketAction.Acknowledge, TicketAction.RecordVisit, TicketAction.HandBack], saved.Where(a => a is TicketAction.Acknowledge or TicketAction.RecordVisit or TicketAction.HandBack));
        Assert.Equal(TicketStatus.Received, host.WithDb(db => db.Tickets.Single(t => t.Id == ticket.Id).Status));
    }
}
