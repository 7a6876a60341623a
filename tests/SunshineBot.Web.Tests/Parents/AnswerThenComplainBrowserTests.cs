using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.Web.Tests.Chat;
using static Microsoft.Playwright.Assertions;

namespace SunshineBot.Web.Tests.Parents;

/// <summary>
/// Issue 11's path in Chromium at 390×844: a fee question is answered, the parent replies “我要投诉” as the answer
/// says, and a 投诉 (not the same article again, not a 咨询) is filed.
/// </summary>
public sealed partial class AnswerThenComplainBrowserTests : IAsyncLifetime
{
    private ChatBrowserHost _host = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(20_000);
        _host = await ChatBrowserHost.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [ChromiumFact]
    public async Task FeeAnswer_ThenTypedIWantToComplain_FilesAComplaint()
    {
        var page = await _host.NewParentAsync();
        await page.GotoAsync("/");
        await Expect(Bubble(page, "这里是教育阳光服务")).ToBeVisibleAsync();

        await TypeAsync(page, "学校让买练习册是强制的吗");
        await Expect(Bubble(page, "这个回答解决您的问题了吗")).ToBeVisibleAsync();
        await TypeAsync(page, "确认");
        await Expect(Bubble(page, "您想办理哪一项")).ToBeVisibleAsync();
        await TypeAsync(page, "我要投诉");
        await Expect(Bubble(page, "登记投诉")).ToBeVisibleAsync();
        await Expect(Bubble(page, "是哪所学校")).ToBeVisibleAsync();
        await ChatBrowserHost.ScreenshotAsync(page, "answer-then-complain-01-started");

        await TypeAsync(page, "东城一小");
        await Expect(Bubble(page, "好的，东城区第一小学")).ToBeVisibleAsync();
        await TapAsync(page, "教辅资料");
        await Expect(Bubble(page, "请把情况说一说")).ToBeVisibleAsync();
        await TypeAsync(page, "班主任在家长群里通知，每人必须买两本练习册，一共86元，不买不行。");
        await Expect(Bubble(page, "涉及多少钱")).ToBeVisibleAsync();
        await TypeAsync(page, "86元");
        await TapAsync(page, "跳过");
        await Expect(Bubble(page, "有收据、缴费通知")).ToBeVisibleAsync();
        await TypeAsync(page, "没有");
        await Expect(Bubble(page, "需要为您保密吗")).ToBeVisibleAsync();
        await TapAsync(page, "保密");
        await Expect(Bubble(page, "请问怎么称呼您")).ToBeVisibleAsync();
        await TapAsync(page, "跳过");
        await TypeAsync(page, "13812345678");
        await Expect(Bubble(page, "请核对一下")).ToContainTextAsync("类型：投诉");
        await ChatBrowserHost.ScreenshotAsync(page, "answer-then-complain-02-confirm");
        await TapAsync(page, "确认提交");
        var filed = Bubble(page, "已受理");
        await Expect(filed).ToContainTextAsync(new Regex(@"工单号：YG\d{8}-\d+"));

        using var scope = _host.Services.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<SunshineDbContext>().Tickets.SingleAsync();
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal("YGS-DC-001", ticket.SchoolUnitCode);
        Assert.Equal(TicketCategory.SupplementaryMaterials, ticket.Category);
        Assert.True(ticket.Confidential);
    }

    private static ILocator Bubble(IPage page, string text) => page.Locator(".bubble", new() { HasTextString = text }).Last;

    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#text").PressAsync("Enter");
    }

    private static async Task TapAsync(IPage page, string label) =>
        await page.Locator(".choices").Last.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
}
