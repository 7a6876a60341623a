using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Testing;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;
using static SunshineBot.Web.Tests.Chat.ChatApiTests;

namespace SunshineBot.Web.Tests.Chat;

/// <summary>
/// A WeChat parent outside the 48-hour window gets a template message whose link opens the web chat on their own
/// WeChat conversation: they read the official reply and answer the revisit survey there.
/// </summary>
public sealed class WeChatChatLinkTests
{
    private const string Parent = "oLinkParent00000000000000001";
    private static readonly ParentAddress Address = new(ParentChannel.WeChat, Parent);

    [Fact]
    public async Task Link_ValidToken_ShowsTheWeChatConversationAndTheSurveyAnswerClosesTheTicket()
    {
        using var factory = new SunshineWebFactory();
        var number = await RevisitingWeChatTicketAsync(factory);
        using var client = ChatClient(factory);
        await SendAsync(client, "你好"); // the browser's own conversation first

        var linked = await client.PostAsJsonAsync("/api/chat/link", new { token = Links(factory).Create(Address) });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var lines = await LinesAsync(client);
        Assert.Contains(lines, l => l.Contains("已有正式答复", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("请评价", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l == "你好");

        await SendAsync(client, "满意");
        await SendAsync(client, "解决了");
        Assert.Contains(await SendAsync(client, "跳过"), r => r.Contains("感谢", StringComparison.Ordinal) || r.Contains("谢谢", StringComparison.Ordinal));

        using var scope = factory.Services.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<SunshineDbContext>().Tickets.AsNoTracking().SingleAsync(t => t.Number == number);
        Assert.Equal((TicketStatus.Closed, (Satisfaction?)Satisfaction.Satisfied), (ticket.Status, ticket.Satisfaction));
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("")]
    [InlineData("expired")]
    public async Task Link_BadOrExpiredToken_RefusedInChineseAndTheBrowserKeepsItsOwnConversation(string kind)
    {
        using var factory = new SunshineWebFactory();
        await RevisitingWeChatTicketAsync(factory);
        using var client = ChatClient(factory);
        await SendAsync(client, "你好");
        var token = kind switch
        {
            "forged" => Links(factory).Create(Address)[..^4] + "AAAA",
            "expired" => new ChatLinks(
                factory.Services.GetRequiredService<IDataProtectionProvider>(),
                factory.Services.GetRequiredService<ChatOptions>(),
                new TestClock(DateTimeOffset.UtcNow.AddDays(-8))).Create(Address),
            _ => "",
        };

        var response = await client.PostAsJsonAsync("/api/chat/link", new { token });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("链接已过期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = await LinesAsync(client);
        Assert.Contains("你好", lines);
        Assert.DoesNotContain(lines, l => l.Contains("已有正式答复", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_WithoutOurPageHeader_Forbidden()
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/chat/link", new { token = Links(factory).Create(Address) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("https://ygfw.example.cn/", "https://ygfw.example.cn/?wx=")]
    [InlineData("https://ygfw.example.cn/chat?from=wechat#bottom", "https://ygfw.example.cn/chat?from=wechat&wx=")]
    public void UrlFor_KeepsTheAddressAndAddsAReadableToken(string webChatUrl, string prefix)
    {
        using var factory = new SunshineWebFactory();
        var links = Links(factory);

        var url = links.UrlFor(webChatUrl, Address);

        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        Assert.Equal(webChatUrl.Contains('#', StringComparison.Ordinal), url.EndsWith("#bottom", StringComparison.Ordinal));
        var token = Uri.UnescapeDataString(url[prefix.Length..].Split('#')[0]);
        Assert.Equal(Address, links.Read(token));
    }

    private static ChatLinks Links(SunshineWebFactory factory) => factory.Services.GetRequiredService<ChatLinks>();

    private static async Task<List<string>> LinesAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/chat/messages?after=0&wait=0"));
        return json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString() ?? "").ToList();
    }

    // A WeChat complaint, replied and published to the parent's WeChat conversation, with the survey started there.
    private static async Task<string> RevisitingWeChatTicketAsync(SunshineWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var ticket = await sp.GetRequiredService<FileTicket>().RunAsync(new TicketIntake
        {
            Kind = TicketKind.Complaint, Channel = Channel.WeChat, Category = TicketCategory.Uniforms,
            Description = "学校强制统一订购校服", VisitorPhone = "13812345678", FiledBy = Parent,
        }, new Actor("parent:" + Parent, "家长"));
        var staff = new Actor("staff:1", "李老师");
        ticket.Dispatch(staff, DateTimeOffset.UtcNow, "YGS-DC-001");
        ticket.Reply(staff, DateTimeOffset.UtcNow, "经核查，学校已停止统一订购并退费。", requireReview: false);
        await sp.GetRequiredService<IParentNotifier>().AddReplyPublishedAsync(ticket, default);
        ticket.StartRevisit(Actor.System, DateTimeOffset.UtcNow);
        // As the revisit job does: the survey starts in the parent's WeChat conversation, saved with the ticket.
        await sp.GetRequiredService<SunshineBot.Web.Jobs.ParentMessages>().StartSurveyAsync(ticket, "test-survey", default);
        return ticket.Number;
    }
}
