using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.WeChat.Tests.Api;
using SunshineBot.Web.Tests.Staff;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Tests.WeChat;

public sealed class OutboxStaffEndpointTests
{
    private const string Parent = "oParent000000000000000000004";

    [Fact]
    public async Task FailedMessages_AreListedForAdminsWithoutTextOrFullOpenId()
    {
        await using var fake = await FakeWeChatServer.StartAsync();
        using var host = new StaffTestHost(WeChatTestHost.Settings(fake));
        fake.ScriptedErrors.Enqueue(43004);
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SunshineDbContext>();
            db.ChatMessages.Add(new Data.Chat.ChatMessage { Channel = SunshineBot.Core.Parents.ParentChannel.WeChat, UserId = Parent, Direction = "in", Kind = "text", Source = "parent", At = TimeProvider.System.GetUtcNow() });
            scope.ServiceProvider.GetRequiredService<WeChatOutbox>().Add(Parent, "答复：电话13812345678", "YG20261123-0009");
            await db.SaveChangesAsync();
        }

        await WeChatTestHost.WaitForAsync(() => host.WithDb(db => db.Outbox.Single().Status) == OutboxStatus.Failed, "the failure");
        using var admin = await host.ApiAsync("admin");
        using var east = await host.ApiAsync("east");

        var body = await admin.GetStringAsync("/api/staff/outbox?status=Failed");
        var item = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal("YG20261123-0009", item.GetProperty("sourceRef").GetString());
        Assert.Contains("43004", item.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Parent, body, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync("/api/staff/outbox")).StatusCode);
    }
}
