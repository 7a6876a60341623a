using SunshineBot.Conversations.Services;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Flows;

public sealed class TrackAndRevisitTests
{
    private static readonly TicketSummary Replied = new(
        "YG20261120-0003", TicketKind.Complaint, TicketStatus.Revisiting, "东城区第一小学",
        new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)), null,
        "经核实，学校已停止统一征订，并将已收费用全部退还。", new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void Track_ParentWithTickets_SeesStatusAndTheFullReply()
    {
        var t = new Transcript();
        t.Desk.Existing.Add(Replied);

        t.Send("查询进度").Expect("YG20261120-0003").Expect("等待回访").Expect("将已收费用全部退还");
        Assert.Null(t.State.Top);
    }

    [Fact]
    public void Track_FromAnotherDevice_ByNumberAndLast4()
    {
        var t = new Transcript { UserId = "other-device" };
        t.Desk.Existing.Add(Replied);
        t.Send("7").Expect("请输入工单号").Send("yg20261120－0003").Expect("后4位").Send("1234").Expect("全部退还").Expect("绑定").Send("不用了");
        Assert.Null(t.State.BoundPhone);
    }

    [Theory]
    [InlineData("yg20261120-0003", "孩子被同学打了 头都破了")]
    [InlineData("学校又让交资料费了，这次是三百块", null)]
    public void Track_SomethingElseSaidInsteadOfTheCode_IsAnsweredAndTheLookupEnds(string first, string? second)
    {
        var t = new Transcript { UserId = "other-device" };
        t.Desk.Existing.Add(Replied);
        t.Send("查询进度").Expect("请输入工单号").Send(first);
        if (second is not null)
        {
            t.Expect("后4位").Send(second);
        }

        t.ExpectNot("4位数字").ExpectNot("工单号的格式");
        Assert.NotEqual(SunshineBot.Conversations.Engine.FlowIds.Track, t.State.Top?.FlowId);
    }

    [Fact]
    public void Track_BindThePhone_ShowsItsTicketsNextTime()
    {
        var t = new Transcript { UserId = "other-device" };
        t.Desk.Existing.Add(Replied);

        t.Send("查询进度").Send("YG20261120-0003").Send("1234").Tap("bind:yes").Expect("完整的手机号").Send("13800001234").Expect("已绑定 138****1234");
        t.Send("查询进度").Expect("您在这里提交过 1 件事项").Expect("YG20261120-0003");
        Assert.Equal("13800001234", t.State.BoundPhone);
    }

    [Fact]
    public void Track_BindWithTheWrongPhone_DoesNotBind()
    {
        var t = new Transcript { UserId = "other-device" };
        t.Desk.Existing.Add(Replied);

        t.Send("查询进度").Send("YG20261120-0003").Send("1234").Tap("bind:yes").Send("13999999234").Expect("没有绑定");
        Assert.Null(t.State.BoundPhone);
    }

    [Fact]
    public void Track_WrongDigits_FindsNothing()
    {
        new Transcript().Send("查询进度").Send("aa").Expect("格式").Send("YG20261120-0003").Send("9999").Expect("没有查到");
    }

    [Fact]
    public void Revisit_Satisfied_RecordsAndCloses()
    {
        var t = new Transcript();
        t.StartRevisit("YG20261120-0003").Expect("请评价").ExpectChoice("基本满意")
            .Send("满意").Expect("解决了吗").Send("解决了").Expect("想对我们说").Send("谢谢老师").Expect("已经办结");

        Assert.Equal([("YG20261120-0003", Satisfaction.Satisfied, (bool?)true, (string?)"谢谢老师")], t.Desk.Revisits);
    }

    [Fact]
    public void Revisit_Unsatisfied_AsksWhyAndSendsBack()
    {
        var t = new Transcript();
        t.StartRevisit("YG20261120-0003").Send("不满意").Send("没解决").Expect("哪里不满意")
            .Send("跳过").Expect("简单说一下原因").Send("钱到现在还没退").Expect("发回承办单位");

        var revisit = Assert.Single(t.Desk.Revisits);
        Assert.Equal(Satisfaction.Unsatisfied, revisit.Satisfaction);
        Assert.Equal("钱到现在还没退", revisit.Comment);
    }

    [Fact]
    public void Revisit_UnsatisfiedReasonWithFullWidthPunctuation_IsRecordedAsWritten()
    {
        var t = new Transcript();
        const string reason = "老師說：錢下週退，到現在還沒退！😡";
        t.StartRevisit("YG20261120-0003").Send("不满意").Send("没解决").Expect("哪里不满意")
            .Send(reason).Expect("发回承办单位");

        Assert.Equal(reason, Assert.Single(t.Desk.Revisits).Comment);
    }

    [Fact]
    public void Revisit_StartedWhileFillingAForm_ResumesTheFormAfterwards()
    {
        var t = new Transcript();
        t.Send("我要建议").Send("不知道");
        t.StartRevisit("YG20261120-0003").Send("基本满意").Send("是").Send("跳过").Expect("已经办结").Expect("哪方面");
    }
}
