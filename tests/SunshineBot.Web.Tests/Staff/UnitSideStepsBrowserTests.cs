using SunshineBot.Core.Tickets;
using SunshineBot.Testing;
using SunshineBot.Web.Jobs.Urgent;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The steps the phone-sized browser tests had not walked yet, in Debian's Chromium at 390×844 on one host: the 值班表
/// page (a school's shift with its phone), 更正受理信息 to 重大特急, 交办 alerting the school's duty, 确认收到 on the
/// notifications page, and 一次性告知 reaching the parent's open web chat. (签收, 现场核查 and 退回 are
/// <see cref="StaffBrowserTests"/>'s.)
/// </summary>
public sealed class UnitSideStepsBrowserTests
{
    private const string Missing = "1. 孩子所在班级；2. 收费的日期和金额；3. 收据照片";

    [ChromiumFact]
    public async Task RosterCorrectDispatchAckAskParent_OnAPhone_EachStepLandsAndThePagesFit()
    {
        using var host = new StaffTestHost(kestrel: true);
        await using var phones = await PhoneBrowser.LaunchAsync(host.Address, "unit-steps");
        var (parent, device) = await StaffPhone.ParentAsync(phones, host);
        var ticket = await host.FileComplaintAsync(filedBy: device);

        // The centre puts the school's handler on duty today, with the number to call.
        var page = await phones.NewPhoneAsync();
        await StaffPhone.LoginAsync(page, "admin");
        await page.GotoAsync("/staff/duty");
        var add = page.Locator("form.duty-add");
        await add.Locator("select[name=unitCode]").SelectOptionAsync(StaffTestHost.EastSchool);
        await add.Locator("input[name=userName]").FillAsync("east");
        await add.Locator("input[name=phone]").FillAsync("0734-8100101");
        await add.Locator("button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "已排班 1 天");
        var shift = page.Locator("ul.roster li.shift", new() { HasTextString = "east老师" });
        await Expect(shift).ToContainTextAsync("东城区第一小学", new() { Timeout = PhoneBrowser.Wait });
        await Expect(shift.Locator("a[href='tel:0734-8100101']")).ToBeVisibleAsync(new() { Timeout = PhoneBrowser.Wait });
        await phones.ShotAsync(page, "01-duty-roster");
        await PhoneBrowser.AssertFitsAsync(page);

        // 更正受理信息: a child hurt makes it 重大特急; then 交办 to the school.
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        var correct = page.Locator("form#correct");
        await correct.Locator("select[name=severity]").SelectOptionAsync(nameof(Severity.Urgent));
        await correct.Locator("textarea[name=text]").FillAsync("家长来电补充：孩子因拒买教辅被罚站晕倒");
        await correct.Locator("button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "已更正受理信息");
        await Expect(page.Locator("header.ticket-head.urgent")).ToBeVisibleAsync(new() { Timeout = PhoneBrowser.Wait });
        await page.Locator("form#dispatch select[name=unitCode]").SelectOptionAsync(StaffTestHost.EastSchool);
        await page.Locator("form#dispatch button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "已交办至「东城区第一小学」");
        await phones.ShotAsync(page, "02-corrected-dispatched");
        await StaffPhone.LogoutAsync(page);

        // The school's duty sees the urgent alert and confirms it.
        await StaffPhone.LoginAsync(page, "east");
        await page.GotoAsync("/staff/notifications");
        var alert = page.Locator("li.card.urgent", new() { HasTextString = ticket.Number });
        await Expect(alert).ToContainTextAsync("【重大特急件】", new() { Timeout = PhoneBrowser.Wait });
        await phones.ShotAsync(page, "03-urgent-alert");
        await PhoneBrowser.AssertFitsAsync(page);
        await alert.Locator("form.urgent-ack button").ClickAsync();
        await StaffPhone.NoticeAsync(page, $"已确认收到 {ticket.Number} 的重大特急件提醒");
        await Expect(page.Locator("li.card.urgent form.urgent-ack")).ToHaveCountAsync(0, new() { Timeout = PhoneBrowser.Wait });

        // 一次性告知: one message listing everything missing, to the parent's open chat.
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        await page.Locator("form#ask-parent textarea[name=text]").FillAsync(Missing);
        await page.Locator("form#ask-parent button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "已把需要补充的内容一次性发给家长");
        await Expect(page.Locator("#information-request")).ToContainTextAsync("等待家长补充", new() { Timeout = PhoneBrowser.Wait });
        await phones.ShotAsync(page, "04-asked-parent");
        await PhoneBrowser.AssertFitsAsync(page);
        await Expect(parent.Locator(".bubble", new() { HasTextString = "收据照片" }).Last).ToBeVisibleAsync(new() { Timeout = PhoneBrowser.Wait });
        await phones.ShotAsync(parent, "05-parent-asked", fullPage: false);

        var saved = host.WithDb(db => db.TicketsWithHistory.Single(t => t.Id == ticket.Id));
        Assert.Equal(Severity.Urgent, saved.Severity);
        Assert.Equal(
            [TicketAction.CorrectIntake, TicketAction.Dispatch, TicketAction.AddNote, TicketAction.RequestInformation],
            saved.Events.Select(e => e.Action).Where(a => a is TicketAction.CorrectIntake or TicketAction.Dispatch or TicketAction.AddNote or TicketAction.RequestInformation));
        Assert.Contains(saved.Events, e => e.Note == AcknowledgeUrgentAlert.AckNote && e.ActorName == "east老师");
    }
}
