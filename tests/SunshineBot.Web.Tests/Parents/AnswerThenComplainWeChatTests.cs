using SunshineBot.Core.Tickets;
using SunshineBot.Web.Tests.WeChat;

namespace SunshineBot.Web.Tests.Parents;

/// <summary>Issue 11's path over WeChat in safe mode: answer → “我要投诉” → a 投诉; option numbers are options, not names.</summary>
public sealed class AnswerThenComplainWeChatTests
{
    private const string Parent = "o-answer-then-complain";

    [Fact]
    public async Task FeeAnswer_ThenIWantToComplain_FilesAComplaintAndOneIsNotASchool()
    {
        await using var host = await WeChatTestHost.StartAsync();
        Assert.Contains("练习册", await SayAsync(host, "学校让买练习册是强制的吗"), StringComparison.Ordinal);
        Assert.DoesNotContain("很高兴", await SayAsync(host, "确认"), StringComparison.Ordinal);

        var started = await SayAsync(host, "我要投诉");
        Assert.Contains("登记投诉", started, StringComparison.Ordinal);
        var category = await SayAsync(host, "1");
        Assert.DoesNotContain("名录里没有找到", category, StringComparison.Ordinal);
        Assert.Contains("哪方面", category, StringComparison.Ordinal);
        foreach (var step in new[] { "2", "班主任在家长群里通知，每人必须买两本练习册，一共86元，不买不行", "86", "1", "1", "2", "1", "13812345678" })
        {
            await SayAsync(host, step);
        }

        Assert.Contains("已受理", await SayAsync(host, "确认"), StringComparison.Ordinal);
        var ticket = host.WithDb(db => db.Tickets.Single());
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal(Channel.WeChat, ticket.Channel);
        Assert.Null(ticket.SchoolName);
        Assert.Equal(TicketCategory.SupplementaryMaterials, ticket.Category);
        Assert.Equal(86m, ticket.FeeAmount);
    }

    private static Task<string> SayAsync(WeChatTestHost host, string text) => host.SendAsync(WeChatTestHost.Text(Parent, text, host.NextMsgId()));
}
