using SunshineBot.Conversations.Services;
using SunshineBot.Conversations.Tests.Support;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Conversations.Tests.Flows;

public sealed class IntakeFlowTests
{
    private static Transcript AtDescription(Transcript t) =>
        t.Send("我要投诉").Expect("哪所学校").Send("第一小学").Expect("哪一所").Tap("unit:YGS-DC-001")
            .Expect("哪方面").Send("2").Expect("说一说");

    [Fact]
    public void FeeComplaint_TypedBadlyThenCorrected_FilesOneTicketWithEveryField()
    {
        var t = new Transcript();
        AtDescription(t)
            .Send("太贵了").Expect("至少10个字")
            .Send("三年级2班班主任在家长群要求每人买两本练习册，一共86元，不买不行")
            .Expect("多少钱").Send("八十六").Expect("没看懂金额").Send("86元")
            .Expect("哪天").Send("昨天")
            .Expect("照片").Photo("att/a.jpg").Expect("第1张").Photo("att/b.jpg").Expect("第2张").Send("完成")
            .Expect("保密").Send("不用保密")
            .Expect("称呼").Send("王女士")
            .Expect("手机号").Send("1381234").Expect("手机号好像不对").Send("138 1234 5678")
            .Expect("请核对").Expect("东城区第一小学").Expect("138****5678")
            .Tap("intake:confirm").Expect("已受理").Expect("YG20261123-0001").Expect("11月26日");

        var filed = Assert.Single(t.Desk.Filed);
        Assert.Equal(TicketKind.Complaint, filed.Intake.Kind);
        Assert.Equal(TicketCategory.SupplementaryMaterials, filed.Intake.Category);
        Assert.Equal("YGS-DC-001", filed.Intake.SchoolUnitCode);
        Assert.Equal(86m, filed.Intake.FeeAmount);
        Assert.Equal(new DateOnly(2026, 11, 22), filed.Intake.IncidentDate);
        Assert.Equal("王女士", filed.Intake.VisitorName);
        Assert.Equal("13812345678", filed.Intake.VisitorPhone);
        Assert.Equal(Channel.WebChat, filed.Intake.Channel);
        Assert.Equal("device-1", filed.Intake.FiledBy);
        Assert.Equal(Severity.Normal, filed.Intake.Severity);
        Assert.Equal(["att/a.jpg", "att/b.jpg"], filed.Photos.Select(p => p.StorageKey));
        Assert.Null(t.State.Top);
    }

    [Fact]
    public void NonFeeCategory_SkipsAmountAndDate()
    {
        var t = new Transcript();
        t.Send("4").Expect("哪所学校").Send("不知道").Expect("哪方面").Send("食堂")
            .Expect("说一说").Send("食堂的饭菜经常是凉的，孩子回家说吃不饱")
            .Expect("照片").ExpectNot("多少钱");
    }

    private static readonly string[][] Paths =
        [
            [],
            ["不知道"],
            ["不知道", "1"],
            ["不知道", "1", "学校收了三百元的资料费没有收据"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300", "跳过"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300", "跳过", "跳过"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300", "跳过", "跳过", "不用保密"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300", "跳过", "跳过", "不用保密", "李先生"],
            ["不知道", "1", "学校收了三百元的资料费没有收据", "300", "跳过", "跳过", "不用保密", "李先生", "13900001234"],
        ];

    /// <summary>The question each step of <see cref="Paths"/> is waiting on (same index).</summary>
    private static readonly string[] Questions = ["哪所学校", "哪方面", "说一说", "多少钱", "哪天", "照片", "保密", "称呼", "手机号", "请核对"];

    [Theory]
    [InlineData("取消", "")]
    [InlineData("菜单", "1")]
    [InlineData("回主菜单", "放弃")]
    public void CancelOrMenu_AtEveryStep_FilesNothingAndShowsTheMenu(string command, string confirm)
    {
        foreach (var path in Paths)
        {
            var t = new Transcript().Send("我要投诉");
            foreach (var answer in path)
            {
                t.Send(answer);
            }

            t.Send(command);
            if (confirm.Length > 0 && path.Length > 0)
            {
                // Leaving a half-filled form by 菜单 asks first; 取消 says it already.
                t.Expect("要放弃正在填写的投诉").Send(confirm);
            }

            t.Expect("请问需要办理什么");
            Assert.Empty(t.Desk.Filed);
            Assert.Null(t.State.Top);
        }
    }

    [Fact]
    public void BackRestartAndHuman_AtEveryStep_DoWhatTheySay()
    {
        for (var i = 0; i < Paths.Length; i++)
        {
            var back = Walk(Paths[i]).Send("返回");
            back.Expect(i == 0 ? "已经是第一个问题" : Questions[i - 1]);
            Assert.Empty(back.Desk.Filed);

            var restart = Walk(Paths[i]).Send("重新开始").Expect("从头开始").Expect(Questions[0]);
            Assert.Empty(restart.Desk.Filed);
            Assert.NotNull(restart.State.Top);

            var human = Walk(Paths[i]).Send("人工").Expect("已为您转给工作人员");
            Assert.Equal(TicketKind.Consultation, Assert.Single(human.Desk.Filed).Intake.Kind);
            Assert.Null(human.State.Top);
        }

        static Transcript Walk(string[] path)
        {
            var t = new Transcript().Send("我要投诉");
            foreach (var answer in path)
            {
                t.Send(answer);
            }

            return t;
        }
    }

    [Fact]
    public void Back_ReturnsToThePreviousQuestionKeepingAnswers()
    {
        var t = new Transcript();
        AtDescription(t).Send("返回").Expect("哪方面").Send("校服")
            .Expect("说一说").Send("学校要求统一订购校服一套四百元太贵")
            .Expect("多少钱").Send("返回").Expect("说一说").Send("学校要求统一订购校服一套四百元，不订不行")
            .Expect("多少钱").Send("400").Send("跳过").Send("跳过").Send("不用保密").Send("跳过").Send("13700001234")
            .Expect("请核对").Expect("校服").Expect("不订不行").Tap("intake:confirm");

        Assert.Equal(TicketCategory.Uniforms, Assert.Single(t.Desk.Filed).Intake.Category);
        Assert.Equal("YGS-DC-001", t.Desk.Filed[0].Intake.SchoolUnitCode);
    }

    [Fact]
    public void Back_AtTheFirstQuestion_SaysSoAndAsksAgain()
    {
        new Transcript().Send("我要求助").Send("返回").Expect("已经是第一个问题").Expect("哪所学校");
    }

    [Fact]
    public void Restart_DropsAnswersButKeepsTheKind()
    {
        var t = new Transcript();
        AtDescription(t).Send("重新开始").Expect("从头开始").Expect("哪所学校")
            .Send("不知道").Send("3").Send("学校强制买校服一套五百元").Send("500").Send("跳过").Send("跳过").Send("不用保密").Send("跳过").Send("13700001234")
            .Tap("intake:confirm");

        var filed = Assert.Single(t.Desk.Filed).Intake;
        Assert.Equal(TicketKind.Complaint, filed.Kind);
        Assert.Null(filed.SchoolUnitCode);
        Assert.Equal(TicketCategory.Uniforms, filed.Category);
    }

    [Fact]
    public void Confirm_EditOneField_ReturnsToTheSummary()
    {
        var t = new Transcript();
        t.Send("我要建议").Send("实验中学").Expect("好的，东城区实验中学").Send("14")
            .Send("建议学校放学时间和课后服务时间错开一点").Send("跳过").Send("不用保密").Send("跳过").Send("13700001234")
            .Expect("请核对").Tap("edit:phone").Expect("手机号").Send("13900009999")
            .Expect("请核对").Expect("139****9999").Send("确认");

        Assert.Equal("13900009999", Assert.Single(t.Desk.Filed).Intake.VisitorPhone);
    }

    [Fact]
    public void AnonymousReport_NeverAsksForNameOrPhone()
    {
        var t = new Transcript();
        t.Send("我要举报").Expect("匿名").Send("不知道").Send("6")
            .Send("班主任周末在家里给学生有偿补课每人每次一百元").Send("跳过").Send("跳过").Send("跳过")
            .Expect("要匿名吗").Tap("anon:yes").Expect("请核对").Expect("匿名举报").ExpectNot("手机号")
            .Tap("intake:confirm").Expect("匿名举报不会记录您的身份");

        var intake = Assert.Single(t.Desk.Filed).Intake;
        Assert.True(intake.Anonymous);
        Assert.Null(intake.VisitorName);
        Assert.Null(intake.VisitorPhone);
        Assert.Equal(TicketKind.Report, intake.Kind);
    }

    [Fact]
    public void UrgentWords_RaiseTheTicketToUrgentAndSaySo()
    {
        var t = new Transcript();
        t.Send("我要求助").Send("第一小学").Tap("unit:YGS-DC-001").Send("13")
            .Send("孩子在学校被高年级同学欺凌，身上有伤").Expect("重大特急件").Expect("110")
            .Send("跳过").Send("不用保密").Send("跳过").Send("13700001234").Tap("intake:confirm").Expect("值班工作人员已收到通知");

        Assert.Equal(Severity.Urgent, Assert.Single(t.Desk.Filed).Intake.Severity);
    }

    [Fact]
    public void DuplicateGuard_SameMatter_LinksInsteadOfFilingAgain()
    {
        var t = new Transcript();
        t.Desk.Similar = new TicketSummary("YG20261120-0003", TicketKind.Complaint, TicketStatus.Dispatched, "东城区第一小学", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)), null, null, null);
        AtDescription(t).Send("又要求买练习册了，这次是数学的，三十元").Send("30").Send("跳过").Photo().Send("完成").Send("不用保密").Send("跳过").Send("13700001234")
            .Tap("intake:confirm").Expect("YG20261120-0003").Expect("同一件事").Tap("dup:yes").Expect("并入工单 YG20261120-0003");

        Assert.Empty(t.Desk.Filed);
        var linked = Assert.Single(t.Desk.Linked);
        Assert.Equal(1, linked.Photos);
    }

    [Fact]
    public void DuplicateGuard_NewMatter_FilesANewTicket()
    {
        var t = new Transcript();
        t.Desk.Similar = new TicketSummary("YG20261120-0003", TicketKind.Complaint, TicketStatus.Dispatched, "东城区第一小学", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8)), null, null, null);
        AtDescription(t).Send("又要求买练习册了，这次是数学的，三十元").Send("30").Send("跳过").Send("跳过").Send("不用保密").Send("跳过").Send("13700001234")
            .Tap("intake:confirm").Send("不是").Expect("已受理");

        Assert.Single(t.Desk.Filed);
        Assert.Empty(t.Desk.Linked);
    }

    [Fact]
    public void Photos_BeyondTheLimit_AreRefused()
    {
        var t = new Transcript(new() { MaxPhotos = 2 });
        AtDescription(t).Send("学校收了两百元资料费，没有给收据").Send("200").Send("跳过")
            .Photo().Photo().Expect("已经满2张").Photo().Expect("最多只能传2张").Send("完成").Expect("保密");
    }

    [Theory]
    [InlineData("今天课间孩子被同学推倒，头撞到桌角磕破了")]
    [InlineData("孩子在操场摔伤了，老师到现在都没通知我们")]
    [InlineData("上体育课孩子晕倒了，学校没有送医院")]
    public void InjuryInTheDescription_IsFiledUrgent(string story)
    {
        var t = new Transcript();
        AtDescription(t).Send(story).Expect("重大特急件");
    }

    [Fact]
    public void NameStep_PhoneTypedAhead_KeptAndNotAskedAgain()
    {
        var t = new Transcript();
        AtDescription(t).Send("老师强制每人买练习册九十元，不买不发作业").Expect("多少钱").Send("90").Expect("哪天").Send("跳过")
            .Expect("照片").Send("跳过").Expect("保密").Send("不用保密")
            .Expect("称呼").Send("139 1234 5678").Expect("已经记下").ExpectNot("手机号好像不对").Expect("请核对").Expect("139****5678");
    }

    [Fact]
    public void NameStep_OneCharacter_AsksForTheFullFormOfAddress()
    {
        var t = new Transcript();
        AtDescription(t).Send("老师强制每人买练习册九十元，不买不发作业").Send("90").Send("跳过").Send("跳过").Send("不用保密")
            .Expect("称呼").Send("王").Expect("“王女士”或“王先生”").Send("王女士").Expect("手机号");
    }
}
