using Microsoft.EntityFrameworkCore;
using SunshineBot.Data;

namespace SunshineBot.Web.Tests.WeChat;

public sealed class WeChatTwoInstancesTests
{
    private const string Parent = "oParent000000000000000000003";

    [Fact]
    public async Task SameMessage_OnTwoInstancesAtOnce_FilesOneTicket()
    {
        await using var first = await WeChatTestHost.StartAsync();
        _ = first.Client;
        var database = first.WithDb(db => db.Database.GetConnectionString());
        await using var second = await WeChatTestHost.StartAsync(new() { ["Database:ConnectionString"] = database });
        foreach (var step in new[] { "我要投诉", "不知道", "1", "学校收了三百元的资料费，没有给任何收据", "300", "跳过", "跳过", "不用保密", "李先生", "13900001234" })
        {
            await first.SendAsync(WeChatTestHost.Text(Parent, step, first.NextMsgId()));
        }

        var confirm = WeChatTestHost.Text(Parent, "确认", 99_000_001);
        var replies = await Task.WhenAll(first.SendAsync(confirm), second.SendAsync(confirm), first.SendAsync(confirm), second.SendAsync(confirm));

        Assert.Equal(1, first.WithDb(db => db.Tickets.Count()));
        Assert.Single(replies.Where(r => r != "success").Distinct());
    }
}
