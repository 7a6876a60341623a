using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Testing;
using SunshineBot.Web.Tickets;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

public sealed class WeChatOutboxTests
{
    private const string Parent = "oParent000000000000000000002";
    private const string CustomSend = "/cgi-bin/message/custom/send";
    private const string TemplateSend = "/cgi-bin/message/template/send";

    [Fact]
    public async Task SlowTurn_AnswersSuccessAtOnceThenDeliversEveryReplyAsCustomerServiceMessages()
    {
        // A zero budget stands for an engine slower than WeChat's five seconds.
        await using var host = await WeChatTestHost.StartAsync(new() { ["WeChat:ReplyBudget"] = "00:00:00" });

        var reply = await host.SendAsync(WeChatTestHost.Text(Parent, "我要投诉", host.NextMsgId()));

        Assert.Equal("success", reply);
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Count(o => o.Status == OutboxStatus.Sent)) >= 2, "two customer-service messages");
        var sent = host.Fake.RequestsTo(CustomSend).Where(r => r.Accepted).Select(r => r.Body).ToList();
        Assert.All(sent, body => Assert.Contains(Parent, body, StringComparison.Ordinal));
        Assert.Contains(sent, body => body.Contains("登记投诉", StringComparison.Ordinal));
        Assert.Contains(sent, body => body.Contains("哪所学校", StringComparison.Ordinal) && body.Contains("1. 不知道", StringComparison.Ordinal));
        Assert.All(host.WithDb(db => db.Outbox.ToList()), o => Assert.Equal((OutboxStatus.Sent, OutboxRoute.CustomerService), (o.Status, o.Route)));
    }

    [Fact]
    public async Task SlowKnowledgeBase_AnswersSuccessThenTheAnswerArrivesAsACustomerServiceMessage()
    {
        await using var host = await WeChatTestHost.StartAsync(
            new() { ["WeChat:ReplyBudget"] = "00:00:00.300" },
            services: s =>
            {
                s.AddScoped<SunshineBot.Web.Chat.KnowledgeAnswers>();
                s.AddScoped<IKnowledgeAnswers>(sp => new SlowAnswers(sp.GetRequiredService<SunshineBot.Web.Chat.KnowledgeAnswers>()));
            });

        var reply = await host.SendAsync(WeChatTestHost.Text(Parent, "老师让全班买练习册 不买不行吗", host.NextMsgId()));

        Assert.Equal("success", reply);
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Count(o => o.Status == OutboxStatus.Sent)) >= 1, "the answer");
        Assert.Contains(host.Fake.RequestsTo(CustomSend), r => r.Body.Contains("依据", StringComparison.Ordinal));
    }

    /// <summary>The knowledge base as slow as a loaded server: the turn outlives the webhook's budget.</summary>
    private sealed class SlowAnswers(IKnowledgeAnswers inner) : IKnowledgeAnswers
    {
        public async Task<KbReply> AskAsync(string question, CancellationToken ct)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
            return await inner.AskAsync(question, ct);
        }

        public Task<KbReply?> GetAsync(string entryId, CancellationToken ct) => inner.GetAsync(entryId, ct);

        public Task RecordFeedbackAsync(string question, string entryId, bool helpful, CancellationToken ct) => inner.RecordFeedbackAsync(question, entryId, helpful, ct);
    }

    [Fact]
    public async Task ExtraReplies_ThatFitTheTextLimit_JoinThePassiveOneInOrder()
    {
        await using var host = await WeChatTestHost.StartAsync();

        var reply = await host.SendAsync(WeChatTestHost.Text(Parent, "我要投诉", host.NextMsgId()));

        var intro = reply.IndexOf("登记投诉", StringComparison.Ordinal);
        Assert.True(intro >= 0, reply);
        Assert.Contains("哪所学校", reply[intro..], StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(host.Fake.RequestsTo(CustomSend));
    }

    [Fact]
    public async Task ThreeDispatchers_RacingOnTheSameRows_SendEachOnce()
    {
        await using var host = await WeChatTestHost.StartAsync(new() { ["WeChat:Outbox:PollInterval"] = "01:00:00" });
        var hosted = host.App.Services.GetRequiredService<OutboxDispatcher>();
        var others = new[] { ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.App.Services), ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.App.Services) };
        await host.SendAsync(WeChatTestHost.Text(Parent, "你好", host.NextMsgId()));
        for (var i = 0; i < 12; i++)
        {
            using var scope = host.App.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<WeChatOutbox>().Add(Parent, $"第{i}条", "race");
            await scope.ServiceProvider.GetRequiredService<SunshineDbContext>().SaveChangesAsync();
        }

        // The hosted dispatcher is woken too: three instances after the same twelve rows.
        host.App.Services.GetRequiredService<OutboxSignal>().Notify();
        await Task.WhenAll(others.Select(d => d.RunOnceAsync(CancellationToken.None)));
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.All(o => o.Status == OutboxStatus.Sent)), "every row sent");

        var bodies = host.Fake.RequestsTo(CustomSend).Select(r => r.Body).Where(b => b.Contains('第')).ToList();
        Assert.Equal(12, bodies.Count);
        Assert.Equal(12, bodies.Distinct().Count());
        Assert.All(host.WithDb(db => db.Outbox.Where(o => o.SourceRef == "race").ToList()), o => Assert.Equal((1, OutboxRoute.CustomerService), (o.Attempts, o.Route)));
        Assert.NotNull(hosted);
    }

    [Fact]
    public async Task AccessTokenExpiresMidRun_IsRefreshedOnceAndTheMessageSent()
    {
        await using var host = await WeChatTestHost.StartAsync();
        await Queue(host, "第一条");
        await WeChatTestHost.WaitForAsync(() => host.Fake.RequestsTo(CustomSend).Count(r => r.Accepted) == 1, "the first message");

        host.Fake.RevokeToken();
        await Queue(host, "第二条");

        await WeChatTestHost.WaitForAsync(() => host.Fake.RequestsTo(CustomSend).Count(r => r.Accepted) == 2, "the second message");
        Assert.Equal(2, host.Fake.TokenFetches);
        Assert.Single(host.Fake.RequestsTo(CustomSend), r => !r.Accepted);
    }

    [Fact]
    public async Task ServerDown_MessageStaysPendingAndIsSentWhenItIsBack()
    {
        await using var host = await WeChatTestHost.StartAsync();
        host.Fake.ForcedHttpStatus = 503;
        var id = await Queue(host, "答复内容");

        await WeChatTestHost.WaitForAsync(() => Row(host, id).Attempts >= 2, "two failed attempts");
        var waiting = Row(host, id);
        Assert.Contains(waiting.Status, new[] { OutboxStatus.Pending, OutboxStatus.Sending });
        Assert.Contains("503", waiting.LastError, StringComparison.Ordinal);

        host.Fake.ForcedHttpStatus = null;
        await WeChatTestHost.WaitForAsync(() => Row(host, id).Status == OutboxStatus.Sent, "the message to be sent");
        Assert.Single(host.Fake.RequestsTo(CustomSend), r => r.Accepted && r.Body.Contains("答复内容", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PermanentError_IsMarkedFailedAndNotRetried()
    {
        await using var host = await WeChatTestHost.StartAsync();
        host.Fake.ScriptedErrors.Enqueue(40003);
        var id = await Queue(host, "答复内容");

        await WeChatTestHost.WaitForAsync(() => Row(host, id).Status == OutboxStatus.Failed, "the failure");
        await Task.Delay(800);

        var failed = Row(host, id);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("40003", failed.LastError, StringComparison.Ordinal);
        Assert.Single(host.Fake.RequestsTo(CustomSend));
    }

    [Fact]
    public async Task OutsideTheWindowAnswer45015_FallsBackToTheTemplateOnce()
    {
        await using var host = await WeChatTestHost.StartAsync();
        host.Fake.ScriptedErrors.Enqueue(45015);
        var id = await Queue(host, "答复内容");

        await WeChatTestHost.WaitForAsync(() => Row(host, id).Status == OutboxStatus.Sent, "the template");

        Assert.Equal(OutboxRoute.Template, Row(host, id).Route);
        Assert.Single(host.Fake.RequestsTo(TemplateSend));
    }

    [Fact]
    public async Task StaffReply_ToAWeChatTicket_GoesOutAsCustomerServiceInsideTheWindowAndAsTemplateOutside()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        await using var host = await WeChatTestHost.StartAsync(clock: clock);
        await host.SendAsync(WeChatTestHost.Text(Parent, "你好", host.NextMsgId()));
        var ticket = await FileAsync(host, clock);

        await PublishReplyAsync(host, ticket, clock, "经核查，学校已退还全部费用。");
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Single(o => o.SourceRef == ticket).Status) == OutboxStatus.Sent, "the reply to be sent");
        Assert.Single(host.Fake.RequestsTo(CustomSend), r => r.Body.Contains("已退还", StringComparison.Ordinal));
        var inside = host.WithDb(db => db.Outbox.Single(o => o.SourceRef == ticket));
        Assert.Equal((OutboxStatus.Sent, OutboxRoute.CustomerService), (inside.Status, inside.Route));

        clock.Advance(TimeSpan.FromHours(49));
        var second = await FileAsync(host, clock);
        await PublishReplyAsync(host, second, clock, "经核查，收费符合规定。");
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Single(o => o.SourceRef == second).Status) == OutboxStatus.Sent, "the template message");
        var template = host.Fake.RequestsTo(TemplateSend).Single().Body;
        Assert.Contains(WeChatTestHost.TemplateId, template, StringComparison.Ordinal);
        Assert.Contains(WeChatTestHost.WebChatUrl, template, StringComparison.Ordinal);
        Assert.Contains(second, template, StringComparison.Ordinal);
        Assert.Equal(OutboxRoute.Template, host.WithDb(db => db.Outbox.Single(o => o.SourceRef == second)).Route);
    }

    [Fact]
    public async Task TurnSaved_ProcessDiesBeforeTheWebhookDecides_RepliesAreInTheOutboxAndGoOutAfterTheHold()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        await using var host = await WeChatTestHost.StartAsync(clock: clock);
        const string key = "msg:crash-test-0001";

        // The turn runs and commits; no release follows (as if the process died right after the commit).
        using (var scope = host.App.Services.CreateScope())
        {
            var message = new Conversations.Engine.IncomingMessage
            {
                Channel = SunshineBot.Core.Parents.ParentChannel.WeChat, UserId = Parent, MessageId = key, Kind = Conversations.Engine.IncomingKind.Text, Text = "我要投诉",
            };
            await scope.ServiceProvider.GetRequiredService<WeChatTurnRunner>().RunAsync(new WeChatTurnRequest(key, Parent, message, null), CancellationToken.None);
        }

        var held = host.WithDb(db => db.Outbox.AsNoTracking().Where(o => o.SourceRef!.StartsWith(key + "#")).ToList());
        Assert.NotEmpty(held);
        Assert.All(held, o => Assert.Equal(OutboxStatus.Pending, o.Status));
        Assert.Equal(1, host.WithDb(db => db.ChatInbound.Count(i => i.MessageId == key)));
        await Task.Delay(500);
        Assert.Empty(host.Fake.RequestsTo(CustomSend));

        clock.Advance(WeChatOutbox.HoldFor + TimeSpan.FromSeconds(1));
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Count(o => o.SourceRef!.StartsWith(key + "#") && o.Status == OutboxStatus.Sent)) == held.Count, "the held replies");
        Assert.Equal(held.Count, host.Fake.RequestsTo(CustomSend).Count(r => r.Accepted));
    }

    [Fact]
    public async Task PassiveReply_FaqAnswerAndItsFollowUpFit_OneReplyAndNoCustomerServiceCall()
    {
        await using var host = await WeChatTestHost.StartAsync();
        var msgId = host.NextMsgId();

        var reply = await host.SendAsync(WeChatTestHost.Text(Parent, "学校让买练习册是强制的吗", msgId));

        // The answer, then the follow-up with its numbered choices, in one message and in that order.
        var question = reply.IndexOf("解决您的问题了吗", StringComparison.Ordinal);
        Assert.True(question > 0, reply);
        Assert.Contains("1. 解决了", reply[question..], StringComparison.Ordinal);
        var key = ":msg:" + msgId + "#";
        var rows = await SettledAsync(host, key);
        Assert.True(rows.Count >= 2, "the answer and the follow-up are two replies of the turn");
        Assert.All(rows, o => Assert.Equal(OutboxRoute.Passive, o.Route));
        await Task.Delay(300);
        Assert.Empty(host.Fake.RequestsTo(CustomSend));
    }

    [Fact]
    public async Task PassiveReply_RepliesThatFitArePassiveAndOnlyTheRestSent()
    {
        await using var host = await WeChatTestHost.StartAsync();
        var msgId = host.NextMsgId();

        var reply = await host.SendAsync(WeChatTestHost.Text(Parent, "我要投诉", msgId));

        Assert.NotEqual("success", reply);
        var rows = await SettledAsync(host, ":msg:" + msgId + "#");
        var passive = rows.TakeWhile(o => o.Route == OutboxRoute.Passive).Count();
        Assert.True(passive >= 1, "the first reply is passive");
        Assert.All(rows.Skip(passive), o => Assert.Equal(OutboxRoute.CustomerService, o.Route));
        Assert.Equal(rows.Count - passive, host.Fake.RequestsTo(CustomSend).Count(r => r.Accepted));
    }

    private static async Task<List<OutboxMessage>> SettledAsync(WeChatTestHost host, string key)
    {
        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Where(o => o.SourceRef!.Contains(key)).All(o => o.Status == OutboxStatus.Sent)), "every reply settled");
        return host.WithDb(db => db.Outbox.AsNoTracking().Where(o => o.SourceRef!.Contains(key)).OrderBy(o => o.Id).ToList());
    }

    private static async Task<long> Queue(WeChatTestHost host, string text)
    {
        using var scope = host.App.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<WeChatOutbox>();
        var row = outbox.Add(Parent, text, "test");
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        db.ChatMessages.Add(new Data.Chat.ChatMessage { Channel = SunshineBot.Core.Parents.ParentChannel.WeChat, UserId = Parent, Direction = "in", Kind = "text", Source = "parent", At = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow() });
        await db.SaveChangesAsync();
        outbox.Wake();
        return row.Id;
    }

    private static OutboxMessage Row(WeChatTestHost host, long id) => host.WithDb(db => db.Outbox.AsNoTracking().Single(o => o.Id == id));

    private static async Task<string> FileAsync(WeChatTestHost host, TestClock clock)
    {
        using var scope = host.App.Services.CreateScope();
        var intake = new TicketIntake
        {
            Kind = TicketKind.Complaint,
            Channel = Channel.WeChat,
            Category = TicketCategory.Uniforms,
            Description = "学校强制统一订购校服，每套四百元",
            VisitorName = "王女士",
            VisitorPhone = "13812345678",
            FiledBy = Parent,
        };
        var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(intake, new Actor("parent:" + Parent, "家长"));
        return ticket.Number;
    }

    private static async Task PublishReplyAsync(WeChatTestHost host, string number, TestClock clock, string text)
    {
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number);
        var at = clock.GetUtcNow();
        ticket.Dispatch(new Actor("staff:1", "受理员"), at, "YGS-DC-001", "请办理");
        ticket.Reply(new Actor("staff:2", "承办人"), at, text, requireReview: false);
        var notifier = scope.ServiceProvider.GetRequiredService<IParentNotifier>();
        await notifier.AddReplyPublishedAsync(ticket, CancellationToken.None);
        await db.SaveChangesAsync();
        await notifier.ReplyPublishedSavedAsync(ticket, CancellationToken.None);
    }
}
