using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Parents;

/// <summary>
/// Issue 17: what a parent writes (full-width ，：, emoji, traditional characters) is what the ticket stores, the
/// confirmation shows, the staff page shows and the ledger exports, on the web chat and on WeChat alike.
/// </summary>
public sealed partial class ParentWordsRoundTripTests
{
    private const string Story = "第1位家长反映：班主任要求每人交101元資料費，不交不发作业本，也没有收据。😀";
    private const string School = "希望國際學校";
    private const string Name = "王女士（孩子妈妈）";

    [Fact]
    public async Task WebChat_FullWidthEmojiAndTraditional_KeptEverywhere()
    {
        using var host = new StaffTestHost();
        using var parent = new WebChatParent(host.App);
        await AssertRoundTripAsync(host, parent.SayAsync);
    }

    [Fact]
    public async Task WeChat_FullWidthEmojiAndTraditional_KeptEverywhere()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        using var host = new StaffTestHost(WeChatTestHost.Settings(fake));
        using var parent = new WeChatParent(host.App, "o-words-parent");
        await AssertRoundTripAsync(host, parent.SayAsync);
    }

    private static async Task AssertRoundTripAsync(StaffTestHost host, Func<string, Task<string>> say)
    {
        // Typed as a WeChat parent types (option numbers), which the web chat accepts too.
        foreach (var line in new[] { "我要投诉", School })
        {
            await say(line);
        }

        Assert.Contains($"按“{School}”记录", await say("1"), StringComparison.Ordinal);
        foreach (var line in new[] { "2", Story, "１０１元", "1", "跳过", "2", Name })
        {
            await say(line);
        }

        var summary = await say("13812345678");
        Assert.Contains(Story, summary, StringComparison.Ordinal);
        Assert.Contains(Name, summary, StringComparison.Ordinal);
        Assert.Contains(School, summary, StringComparison.Ordinal);
        var filed = await say("确认");
        var number = TicketNumber().Match(filed).Value;
        Assert.NotEmpty(number);

        var ticket = host.WithDb(db => db.Tickets.Single(t => t.Number == number));
        Assert.Equal(Story, ticket.Description);
        Assert.Equal(School, ticket.SchoolName);
        Assert.Equal(Name, ticket.VisitorName);
        Assert.Equal(101m, ticket.FeeAmount);

        using var admin = await host.ApiAsync("admin");
        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets/{number}");
        Assert.Equal(Story, api.GetProperty("description").GetString());
        using var pages = await host.PagesAsync("admin");
        var page = System.Net.WebUtility.HtmlDecode(await pages.GetPageAsync($"/staff/tickets/{number}"));
        Assert.Contains(Story, page, StringComparison.Ordinal);
        Assert.Contains(School, page, StringComparison.Ordinal);
        var csv = await admin.GetStringAsync("/api/staff/tickets/export");
        Assert.Contains(Story, csv, StringComparison.Ordinal);
        Assert.Contains(School, csv, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"YG\d{8}-\d+")]
    private static partial Regex TicketNumber();
}
