using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.Tests.WeChat;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Parents;

/// <summary>
/// 一次性告知 on both channels: staff send one message listing what is missing; a tired parent first types "好的",
/// then the answer, which lands on the ticket; a second request is refused.
/// </summary>
public sealed class AskParentForInformationTests
{
    private const string Missing = "1. 孩子所在的年级和班级；2. 交费的日期；3. 收据照片（没有可以不发）";

    [Fact]
    public async Task WebChat_OkThenTheAnswer_LandsOnTheTicketOnce()
    {
        using var host = new StaffTestHost();
        using var parent = new WebChatParent(host.App);
        await AssertAskAndAnswerAsync(host, parent.SayAsync, Channel.WebChat);
    }

    [Fact]
    public async Task WeChat_OkThenTheAnswer_LandsOnTheTicketOnce()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        using var host = new StaffTestHost(WeChatTestHost.Settings(fake));
        using var parent = new WeChatParent(host.App, "o-supplement-parent");
        await AssertAskAndAnswerAsync(host, parent.SayAsync, Channel.WeChat);
    }

    [Fact]
    public async Task AskParent_PhoneTicket_RefusedInChineseAndNothingRecorded()
    {
        using var host = new StaffTestHost();
        var number = await FileAsync(host, Channel.Phone, null);
        using var admin = await host.ApiAsync("admin");

        var refused = await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/ask-parent", new { text = Missing });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("电话联系", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.WithDb(db => db.TicketsWithHistory.Single().Events.ToList()), e => e.Action == TicketAction.RequestInformation);
    }

    private static async Task AssertAskAndAnswerAsync(StaffTestHost host, Func<string, Task<string>> say, Channel channel)
    {
        await say("你好");
        var userId = host.WithDb(db => db.ChatConversations.Single().UserId);
        var number = await FileAsync(host, channel, userId);
        using var admin = await host.ApiAsync("admin");

        var asked = await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/ask-parent", new { text = Missing });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var dto = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(dto.GetProperty("handling").GetProperty("awaitingInformation").GetBoolean());
        Assert.Contains(host.WithDb(db => db.ChatMessages.Where(m => m.UserId == userId && m.Direction == "out").Select(m => m.Text).ToList()),
            t => t != null && t.Contains("还需要您补充以下内容", StringComparison.Ordinal) && t.Contains("收据照片", StringComparison.Ordinal));

        // What a tired parent types first: not an answer, the list comes again.
        var ok = await say("好的");
        Assert.Contains("请把需要补充的内容直接发给我", ok, StringComparison.Ordinal);
        Assert.Contains("年级和班级", ok, StringComparison.Ordinal);
        var done = await say("三年级二班，上周五交的，收据没给");
        Assert.Contains("已经把您补充的内容记到工单", done, StringComparison.Ordinal);

        var ticket = host.WithDb(db => db.TicketsWithHistory.Single(t => t.Number == number));
        var supplied = Assert.Single(ticket.Events, e => e.Action == TicketAction.SupplyInformation);
        Assert.StartsWith("三年级二班，上周五交的，收据没给", supplied.Note, StringComparison.Ordinal);
        Assert.False(ticket.IsAwaitingInformation);
        var again = await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/ask-parent", new { text = "再补充一下学号" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("一次性告知", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var pages = await host.PagesAsync("admin");
        var page = WebUtility.HtmlDecode(await pages.GetPageAsync($"/staff/tickets/{number}"));
        Assert.Contains("家长补充材料", page, StringComparison.Ordinal);
        Assert.Contains("家长已补充", page, StringComparison.Ordinal);
    }

    private static async Task<string> FileAsync(StaffTestHost host, Channel channel, string? filedBy)
    {
        using var scope = host.App.Services.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(
            new TicketIntake
            {
                Kind = TicketKind.Complaint, Channel = channel, Category = TicketCategory.SupplementaryMaterials,
                Description = StaffTestHost.ComplaintText, VisitorPhone = "13812345678", SchoolName = "东城区第一小学", FiledBy = filedBy,
            },
            new Actor(filedBy ?? "staff:1", "家长"));
        return ticket.Number;
    }
}
