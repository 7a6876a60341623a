using System.Text.RegularExpressions;
using SunshineBot.Core.Tickets;
using SunshineBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The staff pages in Debian's Chromium at phone size (390×844), with screenshots in the test output; the parent's
/// web chat is open in a second phone and receives the approved reply.
/// </summary>
public sealed partial class StaffBrowserTests
{
    [ChromiumFact]
    public async Task FeeComplaint_DispatchReplyApprove_OnAPhone_ParentsChatShowsTheReply()
    {
        using var host = new StaffTestHost(kestrel: true, realNotifier: true);
        var stamps = Path.Combine(host.DataPath, "stamps");
        Directory.CreateDirectory(stamps);
        await File.WriteAllBytesAsync(Path.Combine(stamps, StaffTestHost.EastSchool + ".png"), Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        host.SetStamp(StaffTestHost.EastSchool);
        await using var phones = await PhoneBrowser.LaunchAsync(host.Address, "staff");

        // The parent opens the web chat; the fee complaint is filed under that phone's device identity.
        var (parent, device) = await StaffPhone.ParentAsync(phones, host);
        var ticket = await host.FileComplaintAsync(filedBy: device);

        var page = await phones.NewPhoneAsync();
        await StaffPhone.LoginAsync(page, "admin");
        await phones.ShotAsync(page, "01-queue-admin");
        await page.GetByText(ticket.Number).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/staff/tickets/{ticket.Number}$"), new() { Timeout = Wait });
        Assert.Contains("张**", await page.Locator("dl.fields").InnerTextAsync(), StringComparison.Ordinal);
        await phones.ShotAsync(page, "02-ticket-new");
        await page.Locator("form#dispatch select[name=unitCode]").SelectOptionAsync(StaffTestHost.EastSchool);
        await page.Locator("form#dispatch button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "已交办至「东城区第一小学」");
        await phones.ShotAsync(page, "03-dispatched");
        await StaffPhone.LogoutAsync(page);

        await StaffPhone.LoginAsync(page, "east");
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        await page.Locator("form#reply textarea[name=ReplyBody]").FillAsync(
            "经我校核实，班主任要求购买的教辅资料未经学校和家长委员会同意，属于违规行为。学校已责令其停止收费，已收取的费用将于本周五前全额退还。");
        await phones.ShotAsync(page, "04-reply-template");
        await page.Locator("form#reply button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "答复已提交审核");
        await StaffPhone.LogoutAsync(page);

        await StaffPhone.LoginAsync(page, "leader");
        await page.GotoAsync($"/staff/tickets/{ticket.Number}");
        Assert.Contains("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", await page.Locator("pre.letter").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("form#approve button[type=submit]").ClickAsync();
        await StaffPhone.NoticeAsync(page, "审核通过");
        await phones.ShotAsync(page, "05-approved");

        Assert.Equal(TicketStatus.Replied, host.WithDb(db => db.Tickets.Single(t => t.Number == ticket.Number).Status));
        await PhoneBrowser.AssertFitsAsync(page);

        // The parent's open chat receives the letter without a reload.
        var reply = parent.Locator(".msg.staff .bubble:not(.image)").Last;
        await Expect(reply).ToContainTextAsync("关于张先生（女士）反映的东城区第一小学教辅资料问题的回复", new() { Timeout = Wait });
        await Expect(reply).ToContainTextAsync(ticket.Number, new() { Timeout = Wait });
        await Expect(reply).ToContainTextAsync("全额退还", new() { Timeout = Wait });
        // Under the letter, the handling unit's stamp (served only to this parent).
        var stamp = parent.Locator(".msg.staff .bubble.image img").Last;
        await Expect(stamp).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.True(await stamp.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the stamp image loads");
        await phones.ShotAsync(parent, "06-parent-chat", fullPage: false);
    }

    private const float Wait = PhoneBrowser.Wait;
}
