using SunshineBot.Core.Tests.TestData;
using SunshineBot.Core.Tickets;
using static SunshineBot.Core.Tests.TestData.TestCalendars;

namespace SunshineBot.Core.Tests.Tickets;

/// <summary>受理 (Receive): what a new ticket records and what intake it refuses.</summary>
public partial class TicketTests
{
    [Fact]
    public void Receive_ValidComplaint_RecordsIntakeLimitsAndFirstEvent()
    {
        var factory = new TicketFactory();
        var intake = TicketFactory.Intake() with { ReceivingUnitCode = "HY-CENTRE", FeeAmount = 480m, IncidentDate = new DateOnly(2026, 11, 2) };

        var ticket = Ticket.Receive(intake, "YG20261116-0001", TicketFactory.Centre, factory.ReceivedAt, factory.Policy);

        Assert.Equal(TicketStatus.Received, ticket.Status);
        Assert.Equal("YG20261116-0001", ticket.Number);
        Assert.Equal(TicketKind.Complaint, ticket.Kind);
        Assert.Equal(TicketCategory.Uniforms, ticket.Category);
        Assert.Equal("张三丰", ticket.VisitorName);
        Assert.Equal("13812341234", ticket.VisitorPhone);
        Assert.Equal(TicketFactory.FilerId, ticket.FiledBy);
        Assert.Equal("HY-CENTRE", ticket.ReceivingUnitCode);
        Assert.Equal("王受理", ticket.ReceivedBy);
        Assert.Equal(480m, ticket.FeeAmount);
        Assert.False(ticket.Confidential);
        Assert.True(ticket.IsOpen);
        // Monday 2026-11-16 09:00: 3 working days to the reply, 7 to resolution.
        Assert.Equal(Beijing(2026, 11, 19, 9), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 11, 25, 9), ticket.DueAt);
        Assert.Equal((DateTimeOffset?)ticket.FirstReplyDueAt, ticket.CurrentDueAt);
        var first = Assert.Single(ticket.Events);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(TicketAction.Receive, first.Action);
        Assert.Equal(TicketStatus.Received, first.FromStatus);
        Assert.Equal(TicketStatus.Received, first.ToStatus);
        Assert.Equal("staff-centre", first.ActorId);
        Assert.Equal(factory.ReceivedAt, first.At);
        Assert.Equal("投诉 · 一般件 · 微信公众号", first.Note);
    }

    [Fact]
    public void Receive_AnonymousReport_StoresNoNameAndIsConfidential()
    {
        var factory = new TicketFactory();
        var intake = TicketFactory.Intake(TicketKind.Report) with { Anonymous = true, VisitorName = "李四", VisitorPhone = null };

        var ticket = Ticket.Receive(intake, "YG20261116-0002", TicketFactory.Centre, factory.ReceivedAt, factory.Policy);

        Assert.True(ticket.Anonymous);
        Assert.Null(ticket.VisitorName);
        Assert.True(ticket.Confidential);
    }

    [Fact]
    public void Receive_NamedReport_IsConfidentialEvenWhenNotAsked()
    {
        var factory = new TicketFactory();

        var ticket = factory.Receive(TicketFactory.Intake(TicketKind.Report) with { Confidential = false });

        Assert.True(ticket.Confidential);
        Assert.Equal("张三丰", ticket.VisitorName);
    }

    [Fact]
    public void Receive_ConfidentialRequestedOnComplaint_IsKept()
    {
        var ticket = new TicketFactory().Receive(TicketFactory.Intake() with { Confidential = true });

        Assert.True(ticket.Confidential);
    }

    [Theory]
    [InlineData(TicketKind.Consultation)]
    [InlineData(TicketKind.Help)]
    [InlineData(TicketKind.Complaint)]
    [InlineData(TicketKind.Suggestion)]
    [InlineData(TicketKind.Other)]
    public void Receive_AnonymousNonReport_Refused(TicketKind kind)
    {
        var factory = new TicketFactory();

        var ex = Assert.Throws<DomainException>(() => factory.Receive(TicketFactory.Intake(kind) with { Anonymous = true }));

        Assert.Equal("只有举报可以匿名提交。", ex.Message);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1381234123")]
    [InlineData("23812341234")]
    [InlineData("abc")]
    public void Receive_InvalidPhone_Refused(string phone)
    {
        var factory = new TicketFactory();

        var ex = Assert.Throws<DomainException>(() => factory.Receive(TicketFactory.Intake() with { VisitorPhone = phone }));

        Assert.Contains("联系电话格式不正确", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_PhoneWithPrefixAndFullWidthDigits_StoredNormalised()
    {
        var ticket = new TicketFactory().Receive(TicketFactory.Intake() with { VisitorPhone = "+86 １３８-1234-1234" });

        Assert.Equal("13812341234", ticket.VisitorPhone);
    }

    [Fact]
    public void Receive_NamedWithoutPhoneOrChannelIdentity_Refused()
    {
        var factory = new TicketFactory();
        var intake = TicketFactory.Intake() with { VisitorPhone = null, FiledBy = null, Channel = Channel.Phone };

        var ex = Assert.Throws<DomainException>(() => factory.Receive(intake));

        Assert.Contains("联系电话", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_ChatWithoutPhone_AcceptedThroughChannelIdentity()
    {
        var ticket = new TicketFactory().Receive(TicketFactory.Intake() with { VisitorPhone = null });

        Assert.Null(ticket.VisitorPhone);
        Assert.Equal(TicketFactory.FilerId, ticket.FiledBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Receive_BlankDescription_Refused(string description)
    {
        var factory = new TicketFactory();

        var ex = Assert.Throws<DomainException>(() => factory.Receive(TicketFactory.Intake() with { Description = description }));

        Assert.Equal("问题描述不能为空。", ex.Message);
    }

    [Fact]
    public void Receive_DescriptionOfMaxLength_AcceptedAndTrimmed()
    {
        var text = new string('费', TicketIntake.MaxDescriptionLength);

        var ticket = new TicketFactory().Receive(TicketFactory.Intake() with { Description = "  " + text + "\n" });

        Assert.Equal(2000, TicketIntake.MaxDescriptionLength);
        Assert.Equal(text, ticket.Description);
    }

    [Fact]
    public void Receive_DescriptionOverMaxLength_Refused()
    {
        var factory = new TicketFactory();
        var intake = TicketFactory.Intake() with { Description = new string('费', TicketIntake.MaxDescriptionLength + 1) };

        var ex = Assert.Throws<DomainException>(() => factory.Receive(intake));

        Assert.Contains("2000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_NegativeFeeAmount_Refused()
    {
        var factory = new TicketFactory();

        Assert.Throws<DomainException>(() => factory.Receive(TicketFactory.Intake() with { FeeAmount = -1m }));
    }

    [Fact]
    public void Receive_UrgentConsultation_DueNextWorkingDay()
    {
        // Friday 2026-11-20 20:00: the next working day is Monday.
        var factory = new TicketFactory { ReceivedAt = Beijing(2026, 11, 20, 20) };

        var ticket = factory.Receive(TicketFactory.Intake(TicketKind.Consultation, Severity.Urgent));

        Assert.Equal(Beijing(2026, 11, 23, 20), ticket.FirstReplyDueAt);
        Assert.Equal(Beijing(2026, 11, 23, 20), ticket.DueAt);
    }
}
