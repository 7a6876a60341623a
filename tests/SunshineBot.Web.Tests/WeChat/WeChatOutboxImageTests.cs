using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Flows;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Web.Chat;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

/// <summary>Pictures through the outbox: upload as temporary media, a customer-service image, and the fallbacks.</summary>
public sealed class WeChatOutboxImageTests : IDisposable
{
    private const string Parent = "oParent000000000000000000006";
    private const string CustomSend = "/cgi-bin/message/custom/send";
    private const string TemplateSend = "/cgi-bin/message/template/send";
    private const string Upload = "/cgi-bin/media/upload";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] WebP = [(byte)'R', (byte)'I', (byte)'F', (byte)'F', 8, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 0, 0, 0, 0];

    private readonly string _staffData = Path.Combine(Path.GetTempPath(), "sunshine-web-tests", "staff-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_staffData))
        {
            Directory.Delete(_staffData, recursive: true);
        }
    }

    [Fact]
    public async Task AddImage_InsideTheWindow_UploadsThePictureAndSendsTheCaptionThenTheImage()
    {
        await using var host = await StartAsync();
        var key = await SaveImageAsync(host, Png);

        var id = await QueueAsync(host, key, "这是学校收费公示栏的照片", insideWindow: true);
        await WaitSentAsync(host, id);

        var upload = Assert.Single(host.Fake.Uploads);
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal(Png, upload.Content);
        var sends = host.Fake.RequestsTo(CustomSend).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["text", "image"], sends.Select(s => s.GetProperty("msgtype").GetString()));
        Assert.Equal("这是学校收费公示栏的照片", sends[0].GetProperty("text").GetProperty("content").GetString());
        Assert.Equal(upload.MediaId, sends[1].GetProperty("image").GetProperty("media_id").GetString());
        Assert.All(sends, s => Assert.Equal(Parent, s.GetProperty("touser").GetString()));
        var row = Row(host, id);
        Assert.Equal((OutboxKind.Image, OutboxRoute.CustomerService, 1), (row.Kind, row.Route, row.Attempts));
    }

    [Fact]
    public async Task AddImage_OutsideTheWindow_SendsTheTemplateWithTheCaptionAndTheLink()
    {
        await using var host = await StartAsync();
        var key = await SaveImageAsync(host, Png);

        var id = await QueueAsync(host, key, "答复函已盖章", insideWindow: false);
        await WaitSentAsync(host, id);

        var template = Assert.Single(host.Fake.RequestsTo(TemplateSend)).Body;
        Assert.Contains("答复函已盖章", template, StringComparison.Ordinal);
        Assert.Contains(WeChatTestHost.WebChatUrl, template, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Uploads);
        Assert.Empty(host.Fake.RequestsTo(CustomSend));
        Assert.Equal(OutboxRoute.Template, Row(host, id).Route);
    }

    [Fact]
    public async Task AddImage_WindowClosed45015_FallsBackToTheTemplateOnce()
    {
        await using var host = await StartAsync();
        var key = await SaveImageAsync(host, Png);
        host.Fake.ScriptErrorsOn(CustomSend, 45015);

        var id = await QueueAsync(host, key, caption: null, insideWindow: true);
        await WaitSentAsync(host, id);

        Assert.Equal(OutboxRoute.Template, Row(host, id).Route);
        Assert.Contains("图片", Assert.Single(host.Fake.RequestsTo(TemplateSend)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddImage_PictureFailsAfterTheCaptionWentOut_TheRetrySendsOnlyThePicture()
    {
        await using var host = await StartAsync();
        var key = await SaveImageAsync(host, Png);
        host.Fake.ScriptErrorsOn(CustomSend, 0, -1); // the caption goes through, the picture meets "system busy"

        var id = await QueueAsync(host, key, "收据照片", insideWindow: true);
        await WaitSentAsync(host, id);

        var accepted = host.Fake.RequestsTo(CustomSend).Where(r => r.Accepted).Select(r => r.Body).ToList();
        Assert.Single(accepted, b => b.Contains("收据照片", StringComparison.Ordinal));
        Assert.Single(accepted, b => b.Contains("\"image\"", StringComparison.Ordinal));
        Assert.Equal(2, Row(host, id).Attempts);
    }

    [Fact]
    public async Task AddImage_WebPWeChatCannotShow_GoesOutAsTheCaptionWithALink()
    {
        await using var host = await StartAsync();
        var key = await SaveImageAsync(host, WebP);

        var id = await QueueAsync(host, key, "现场照片", insideWindow: true);
        await WaitSentAsync(host, id);

        var text = Assert.Single(host.Fake.RequestsTo(CustomSend)).Body;
        Assert.Contains("现场照片", text, StringComparison.Ordinal);
        Assert.Contains("网页版", text, StringComparison.Ordinal);
        Assert.Contains(WeChatTestHost.WebChatUrl, text, StringComparison.Ordinal);
        Assert.Empty(host.Fake.RequestsTo(Upload));
        Assert.Equal(OutboxRoute.CustomerService, Row(host, id).Route);
    }

    [Fact]
    public async Task AddImage_UnitStamp_IsUploadedFromTheStampStore()
    {
        await using var host = await StartAsync();
        Directory.CreateDirectory(Path.Combine(_staffData, "stamps"));
        await File.WriteAllBytesAsync(Path.Combine(_staffData, "stamps", "YGS-DC-001.png"), Png);

        var id = await QueueAsync(host, "stamps/YGS-DC-001.png", caption: null, insideWindow: true);
        await WaitSentAsync(host, id);

        var upload = Assert.Single(host.Fake.Uploads);
        Assert.Equal("YGS-DC-001.png", upload.FileName);
        Assert.Equal(Png, upload.Content);
        Assert.Contains(upload.MediaId, Assert.Single(host.Fake.RequestsTo(CustomSend)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffReply_UnitWithStampAndParentInsideTheWindow_LetterThenTheStampPicture()
    {
        await using var host = await StartAsync();
        Directory.CreateDirectory(Path.Combine(_staffData, "stamps"));
        await File.WriteAllBytesAsync(Path.Combine(_staffData, "stamps", "YGS-DC-001.png"), Png);
        await host.SendAsync(WeChatTestHost.Text(Parent, "你好", host.NextMsgId()));
        string number;
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            (await db.Units.SingleAsync(u => u.Code == "YGS-DC-001")).SetStamp("stamps/YGS-DC-001.png");
            await db.SaveChangesAsync();
            var ticket = await scope.ServiceProvider.GetRequiredService<Web.Tickets.FileTicket>().RunAsync(new Core.Tickets.TicketIntake
            {
                Kind = Core.Tickets.TicketKind.Complaint, Channel = Core.Tickets.Channel.WeChat, Category = Core.Tickets.TicketCategory.Uniforms,
                Description = "学校强制统一订购校服", VisitorPhone = "13812345678", FiledBy = Parent,
            }, new Core.Tickets.Actor("parent:" + Parent, "家长"));
            number = ticket.Number;
            var at = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            ticket.Dispatch(new Core.Tickets.Actor("staff:1", "受理员"), at, "YGS-DC-001", "请办理");
            ticket.Reply(new Core.Tickets.Actor("staff:2", "承办人"), at, "经核查，学校已停止统一订购。", requireReview: false);
            var notifier = scope.ServiceProvider.GetRequiredService<Web.Tickets.IParentNotifier>();
            await notifier.AddReplyPublishedAsync(ticket, CancellationToken.None);
            await db.SaveChangesAsync();
            await notifier.ReplyPublishedSavedAsync(ticket, CancellationToken.None);
        }

        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Count(o => o.SourceRef!.StartsWith(number) && o.Status == OutboxStatus.Sent)) == 2, "the letter and the stamp");
        var sends = host.Fake.RequestsTo(CustomSend).Select(r => JsonDocument.Parse(r.Body).RootElement).Where(s => s.GetProperty("msgtype").GetString() == "image" || s.GetProperty("text").GetProperty("content").GetString()!.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(["text", "image"], sends.Select(s => s.GetProperty("msgtype").GetString()));
        Assert.Equal(Png, Assert.Single(host.Fake.Uploads).Content);
    }

    [Fact]
    public async Task AddImage_FileGone_IsMarkedFailedForStaff()
    {
        await using var host = await StartAsync();

        var id = await QueueAsync(host, "chat/2026/11/0000000000000000000000000000dead.png", "照片", insideWindow: true);
        await WeChatTestHost.WaitForAsync(() => Row(host, id).Status == OutboxStatus.Failed, "the failure");

        Assert.Contains("missing", Row(host, id).LastError, StringComparison.Ordinal);
        Assert.Empty(host.Fake.RequestsTo(CustomSend));
    }

    [Fact]
    public async Task AddImage_KeyOutsideTheStores_IsRefused()
    {
        await using var host = await StartAsync();
        using var scope = host.App.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<WeChatOutbox>();

        Assert.Throws<ArgumentException>(() => outbox.AddImage(Parent, "../../etc/passwd", "test"));
        Assert.Throws<ArgumentException>(() => outbox.AddImage(Parent, "", "test"));
    }

    [Fact]
    public async Task EngineImageReply_FirstInTheTurn_AnswersSuccessAndSendsThePictureThenTheRest()
    {
        var picture = new PictureFlow();
        await using var host = await StartAsync(services: s => s.AddScoped(sp => new ConversationEngine(
            AllFlows.Create().Where(f => f.Id != FlowIds.Faq).Append(picture), sp.GetRequiredService<ConversationServices>())));
        picture.ImageKey = await SaveImageAsync(host, Png);
        var message = WeChatTestHost.Text(Parent, "收费公示长什么样", host.NextMsgId());

        var reply = await host.SendAsync(message);
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Count(o => o.Status == OutboxStatus.Sent)) == 2, "both replies");
        var retry = await host.SendAsync(message);

        Assert.Equal(("success", "success"), (reply, retry));
        var rows = host.WithDb(db => db.Outbox.OrderBy(o => o.Id).ToList());
        Assert.Equal([OutboxKind.Image, OutboxKind.Text], rows.Select(r => r.Kind));
        Assert.EndsWith("#0", rows[0].SourceRef, StringComparison.Ordinal);
        var sends = host.Fake.RequestsTo(CustomSend).Select(r => r.Body).ToList();
        Assert.Equal(3, sends.Count);
        Assert.Contains("收费公示示例", sends[0], StringComparison.Ordinal);
        Assert.Contains(Assert.Single(host.Fake.Uploads).MediaId, sends[1], StringComparison.Ordinal);
        Assert.Contains("还有什么", sends[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddReplies_ImageReplyWithoutAStoredPicture_GoesOutAsText()
    {
        await using var host = await StartAsync();
        using var scope = host.App.Services.CreateScope();
        var replies = new[]
        {
            new OutgoingMessage { Kind = OutgoingKind.Image, ImageUrl = "https://example.com/a.png", Text = "示意图" },
            new OutgoingMessage { Kind = OutgoingKind.Image, ImageUrl = ImageStore.UrlOf("chat/2026/11/missing.png"), ImageKey = "chat/2026/11/missing.png" },
        };

        await scope.ServiceProvider.GetRequiredService<WeChatOutbox>().AddRepliesAsync(Parent, "gh:msg:1", replies, 0, CancellationToken.None);

        var rows = host.WithDb(db => db.Outbox.OrderBy(o => o.Id).ToList());
        Assert.All(rows, r => Assert.Equal(OutboxKind.Text, r.Kind));
        Assert.Contains("示意图", rows[0].PayloadJson, StringComparison.Ordinal);
        Assert.Contains("[图片]", rows[1].PayloadJson, StringComparison.Ordinal);
    }

    private Task<WeChatTestHost> StartAsync(Action<IServiceCollection>? services = null) =>
        WeChatTestHost.StartAsync(new() { ["Staff:DataPath"] = _staffData }, services: services);

    private static async Task<string> SaveImageAsync(WeChatTestHost host, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        var (image, error) = await host.App.Services.GetRequiredService<ImageStore>().SaveAsync(content, bytes.Length, CancellationToken.None);
        Assert.Null(error);
        return image!.StorageKey;
    }

    private static async Task<long> QueueAsync(WeChatTestHost host, string key, string? caption, bool insideWindow)
    {
        using var scope = host.App.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<WeChatOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var row = outbox.AddImage(Parent, key, "test-image", caption);
        if (insideWindow)
        {
            db.ChatMessages.Add(new Data.Chat.ChatMessage
            {
                Channel = SunshineBot.Core.Parents.ParentChannel.WeChat, UserId = Parent, Direction = "in", Kind = "text", Source = "parent",
                At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
        outbox.Wake();
        return row.Id;
    }

    private static Task WaitSentAsync(WeChatTestHost host, long id) =>
        WeChatTestHost.WaitForAsync(() => Row(host, id).Status == OutboxStatus.Sent, "the picture to be sent");

    private static OutboxMessage Row(WeChatTestHost host, long id) => host.WithDb(db => db.Outbox.AsNoTracking().Single(o => o.Id == id));

    /// <summary>Stands in for the FAQ: answers any question with a picture and a follow-up line.</summary>
    private sealed class PictureFlow : IFlow
    {
        public string? ImageKey { get; set; }

        public string Id => FlowIds.Faq;

        public int Version => 1;

        public Task BeginAsync(TurnContext turn, DialogFrame frame, string? args)
        {
            turn.Say(new OutgoingMessage { Kind = OutgoingKind.Image, ImageUrl = ImageKey is null ? null : ImageStore.UrlOf(ImageKey), ImageKey = ImageKey, Text = "收费公示示例" });
            turn.Say("还有什么可以帮您？");
            turn.End(frame);
            return Task.CompletedTask;
        }

        public Task ContinueAsync(TurnContext turn, DialogFrame frame, Reply reply) => BeginAsync(turn, frame, null);

        public Task BackAsync(TurnContext turn, DialogFrame frame) => Task.CompletedTask;

        public Task RepeatAsync(TurnContext turn, DialogFrame frame) => Task.CompletedTask;

        public Task RestartAsync(TurnContext turn, DialogFrame frame) => Task.CompletedTask;
    }
}
