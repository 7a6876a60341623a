using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Tests.Hosting;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Chat;

public sealed class ChatApiTests
{
    internal static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Send_Question_AnswersFromTheKnowledgeBaseWithItsSource()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);

        var replies = await SendAsync(client, "老师让全班买练习册 不买不行吗");

        Assert.Contains(replies, r => r.Contains("依据", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("解决您的问题了吗", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_SameClientIdTwice_AnswersTheSameAndFilesOneTicket()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);
        foreach (var step in new[] { "我要投诉", "不知道", "3", "学校强制统一订购校服，每套四百元，不买不让穿便服", "400", "跳过", "跳过", "不用保密", "王女士", "13812345678" })
        {
            await SendAsync(client, step);
        }

        var first = await SendAsync(client, "确认", clientId: "confirm-0000001");
        var retry = await SendAsync(client, "确认", clientId: "confirm-0000001");

        Assert.Equal(first, retry);
        Assert.Contains(first, r => r.Contains("已受理", StringComparison.Ordinal));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var ticket = await db.Tickets.SingleAsync();
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal(Channel.WebChat, ticket.Channel);
        Assert.Equal(TicketCategory.Uniforms, ticket.Category);
        Assert.Equal("13812345678", ticket.VisitorPhone);
        Assert.StartsWith("w", ticket.FiledBy, StringComparison.Ordinal);
        Assert.Contains(first, r => r.Contains(ticket.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_PhotoDuringIntake_IsStoredAndAttachedToTheTicket()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);
        foreach (var step in new[] { "我要投诉", "不知道", "2", "老师要求每人买三本练习册共九十元", "90", "昨天" })
        {
            await SendAsync(client, step);
        }

        var uploaded = await UploadAsync(client, TinyPng, "receipt.png");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("收到第1张", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var step in new[] { "完成", "不用保密", "跳过", "13812345678", "确认" })
        {
            await SendAsync(client, step);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var ticket = await db.TicketsWithHistory.SingleAsync();
        var attachment = Assert.Single(ticket.Attachments);
        Assert.Equal("image/png", attachment.ContentType);

        var image = await client.GetAsync("/api/chat/files/" + attachment.StorageKey);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(TinyPng, await image.Content.ReadAsByteArrayAsync());

        using var stranger = ChatClient(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/api/chat/files/" + attachment.StorageKey)).StatusCode);
    }

    [Theory]
    [InlineData("GIF89a-not-allowed", "只能上传")]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>", "只能上传")]
    public async Task Upload_NotAnAllowedImage_IsRefusedInChinese(string content, string expected)
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);

        var response = await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(content), "photo.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TooLarge_IsRefused()
    {
        using var factory = new SunshineWebFactory(new() { ["Chat:MaxImageBytes"] = "2048" });
        using var client = ChatClient(factory);
        var big = new byte[4096];
        TinyPng.CopyTo(big, 0);

        var response = await UploadAsync(client, big, "big.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("图片太大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithoutThePageHeader_IsForbidden()
    {
        using var factory = new SunshineWebFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/chat/send", new { text = "你好" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Send_TooLongOrEmpty_IsRefusedWithAReason()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);

        var empty = await client.PostAsJsonAsync("/api/chat/send", new { text = "   " });
        var tooLong = await client.PostAsJsonAsync("/api/chat/send", new { text = new string('长', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("消息是空的", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("2000", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_FasterThanTheLimit_GetsAPoliteMessage()
    {
        using var factory = new SunshineWebFactory(new() { ["Chat:MessagesPerMinute"] = "3" });
        using var client = ChatClient(factory);
        await SendAsync(client, "你好"); // the first message (no cookie yet) counts against the address; the device has its own budget
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(client, "你好");
        }

        var response = await client.PostAsJsonAsync("/api/chat/send", new { text = "你好" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("请稍等", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_StaffReplyPublished_AppearsInTheParentsPoll()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);
        foreach (var step in new[] { "我要咨询", "不知道", "1", "想问一下今年的学杂费标准是多少", "跳过", "跳过", "跳过", "跳过", "13812345678", "确认" })
        {
            await SendAsync(client, step);
        }

        var before = await PollAsync(client, 0, 0);
        var waiting = PollAsync(client, before.GetProperty("cursor").GetInt64(), 20);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var deadlines = scope.ServiceProvider.GetRequiredService<DeadlinePolicy>();
            var ticket = await db.TicketsWithHistory.SingleAsync();
            var staff = new Actor("staff:1", "李老师");
            ticket.Dispatch(staff, DateTimeOffset.UtcNow, "YGS-DC-001");
            ticket.Reply(staff, DateTimeOffset.UtcNow, "您好，义务教育阶段公办学校不收学费和杂费。", requireReview: false);
            var notifier = scope.ServiceProvider.GetRequiredService<IParentNotifier>();
            await notifier.AddReplyPublishedAsync(ticket, default);
            await db.SaveChangesAsync();
            await notifier.ReplyPublishedSavedAsync(ticket, default);
        }

        var after = await waiting;
        var staffLine = Assert.Single(after.GetProperty("messages").EnumerateArray(), m => m.GetProperty("source").GetString() == "staff");
        Assert.Contains("不收学费和杂费", staffLine.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(before.GetProperty("messages").GetArrayLength() >= 20);
    }

    [Fact]
    public async Task ReplyPublished_SaveRefusedByAConcurrentChange_ParentGetsNothingUntilItSaves()
    {
        using var factory = new SunshineWebFactory();
        string number;
        using (var scope = factory.Services.CreateScope())
        {
            var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(new TicketIntake
            {
                Kind = TicketKind.Consultation, Channel = Channel.WebChat, Category = TicketCategory.TuitionAndMiscFees,
                Description = "想问一下今年的学杂费标准是多少", VisitorPhone = "13812345678", FiledBy = "w-race-device",
            }, new Actor("staff:1", "受理员"));
            number = ticket.Number;
        }

        var staff = new Actor("staff:1", "李老师");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);

            // Another staff member changes the ticket in between: this publication must not reach the parent alone.
            using (var other = factory.Services.CreateScope())
            {
                var otherDb = other.ServiceProvider.GetRequiredService<SunshineDbContext>();
                var same = await otherDb.TicketsWithHistory.SingleAsync(t => t.Number == number);
                same.AddNote(staff, DateTimeOffset.UtcNow, "家长来电补充了年级");
                await otherDb.SaveChangesAsync();
            }

            ticket.Dispatch(staff, DateTimeOffset.UtcNow, "YGS-DC-001");
            ticket.Reply(staff, DateTimeOffset.UtcNow, "您好，义务教育阶段公办学校不收学费和杂费。", requireReview: false);
            await scope.ServiceProvider.GetRequiredService<IParentNotifier>().AddReplyPublishedAsync(ticket, default);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await StaffLinesAsync(factory, "w-race-device"));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);
            ticket.Dispatch(staff, DateTimeOffset.UtcNow, "YGS-DC-001");
            ticket.Reply(staff, DateTimeOffset.UtcNow, "您好，义务教育阶段公办学校不收学费和杂费。", requireReview: false);
            var notifier = scope.ServiceProvider.GetRequiredService<IParentNotifier>();
            await notifier.AddReplyPublishedAsync(ticket, default);
            await db.SaveChangesAsync();
            await notifier.ReplyPublishedSavedAsync(ticket, default);
        }

        var line = Assert.Single(await StaffLinesAsync(factory, "w-race-device"));
        Assert.Contains(number, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyPublished_UnitWithStamp_ParentSeesTheStampUnderTheLetterAndNoOneElseCanFetchIt()
    {
        using var factory = new SunshineWebFactory();
        using var client = ChatClient(factory);
        using var stranger = ChatClient(factory);
        await SendAsync(client, "你好");
        await SendAsync(stranger, "你好");
        string number;
        using (var scope = factory.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<SunshineDbContext>();
            var stamps = sp.GetRequiredService<SunshineBot.Web.Staff.Units.StampStore>();
            Directory.CreateDirectory(stamps.Folder);
            await File.WriteAllBytesAsync(Path.Combine(stamps.Folder, "YGS-DC-001.png"), TinyPng);
            (await db.Units.SingleAsync(u => u.Code == "YGS-DC-001")).SetStamp("stamps/YGS-DC-001.png");
            await db.SaveChangesAsync();
            var filedBy = await db.ChatMessages.Where(m => m.Channel == SunshineBot.Core.Parents.ParentChannel.WebChat && m.Direction == "in").OrderBy(m => m.Id).Select(m => m.UserId).FirstAsync();
            var ticket = await sp.GetRequiredService<FileTicket>().RunAsync(new TicketIntake
            {
                Kind = TicketKind.Consultation, Channel = Channel.WebChat, Category = TicketCategory.TuitionAndMiscFees,
                Description = "想问一下今年的学杂费标准是多少", VisitorPhone = "13812345678", FiledBy = filedBy,
            }, new Actor("staff:1", "受理员"));
            number = ticket.Number;
            var staff = new Actor("staff:1", "李老师");
            ticket.Dispatch(staff, DateTimeOffset.UtcNow, "YGS-DC-001");
            ticket.Reply(staff, DateTimeOffset.UtcNow, "您好，义务教育阶段公办学校不收学费和杂费。", requireReview: false);
            var notifier = sp.GetRequiredService<IParentNotifier>();
            await notifier.AddReplyPublishedAsync(ticket, default);
            await db.SaveChangesAsync();
            await notifier.ReplyPublishedSavedAsync(ticket, default);
        }

        var lines = JsonDocument.Parse(await client.GetStringAsync("/api/chat/messages?after=0&wait=0")).RootElement.GetProperty("messages").EnumerateArray().ToList();
        var stamp = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "image" && l.GetProperty("source").GetString() == "staff");
        var url = stamp.GetProperty("imageUrl").GetString()!;
        Assert.Contains(number, url, StringComparison.Ordinal);
        var mine = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(TinyPng, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }

    private static async Task<List<string>> StaffLinesAsync(SunshineWebFactory factory, string device)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SunshineDbContext>().ChatMessages.AsNoTracking()
            .Where(m => m.UserId == device && m.Source == "staff").Select(m => m.Text ?? "").ToListAsync();
    }

    [Fact]
    public async Task Conversation_AfterARestart_ContinuesAtTheSameQuestion()
    {
        var jar = new System.Net.CookieContainer();
        using var first = new SunshineWebFactory();
        using (var client = ChatClient(first, jar))
        {
            await SendAsync(client, "我要投诉");
            await SendAsync(client, "不知道");
        }

        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = first.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(first.Directory, "keys"),
        };
        using var second = new SunshineWebFactory(settings);
        using var again = ChatClient(second, jar);

        var replies = await SendAsync(again, "3");

        Assert.Contains(replies, r => r.Contains("说一说", StringComparison.Ordinal));
    }

    /// <summary>A parent's phone: its own cookie jar (the device cookie), the page's header on every request.</summary>
    internal static HttpClient ChatClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, System.Net.CookieContainer? jar = null)
    {
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new JarHandler(jar ?? new System.Net.CookieContainer()));
        client.DefaultRequestHeaders.Add("X-Requested-With", "sunshine-chat");
        return client;
    }

    private sealed class JarHandler(System.Net.CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = jar.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    jar.SetCookies(request.RequestUri!, cookie);
                }
            }

            return response;
        }
    }

    internal static async Task<List<string>> SendAsync(HttpClient client, string text, string? clientId = null)
    {
        var response = await client.PostAsJsonAsync("/api/chat/send", new { text, clientId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() ?? "").ToList();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", name);
        return await client.PostAsync("/api/chat/upload", content);
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, long after, int wait)
    {
        var json = await client.GetStringAsync($"/api/chat/messages?after={after}&wait={wait}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
