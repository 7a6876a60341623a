using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Tickets;

public class LabelsTests
{
    [Theory]
    [InlineData(TicketStatus.Received, "已受理")]
    [InlineData(TicketStatus.Dispatched, "已交办")]
    [InlineData(TicketStatus.PendingReview, "待审核")]
    [InlineData(TicketStatus.Replied, "已答复")]
    [InlineData(TicketStatus.Revisiting, "待回访")]
    [InlineData(TicketStatus.Closed, "已办结")]
    [InlineData(TicketStatus.Withdrawn, "已撤回")]
    [InlineData(TicketStatus.Duplicate, "重复件")]
    public void Of_Status_IntakeFormWording(TicketStatus status, string label)
    {
        Assert.Equal(label, Labels.Of(status));
    }

    [Fact]
    public void Of_EveryActionAndCategory_DistinctChineseLabels()
    {
        var actions = Enum.GetValues<TicketAction>().Select(Labels.Of).ToList();
        var categories = Enum.GetValues<TicketCategory>().Select(Labels.Of).ToList();

        Assert.Equal(actions.Count, actions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(categories.Count, categories.Distinct(StringComparer.Ordinal).Count());
        Assert.All(actions.Concat(categories), l => Assert.DoesNotMatch("[A-Za-z]", l));
        Assert.Equal("发回重办", Labels.Of(TicketAction.SendBack));
        Assert.Equal("撤回", Labels.Of(TicketAction.Withdraw));
    }

    [Fact]
    public void FeeItems_Categories_FeesFirstThenOthers()
    {
        Assert.Equal(10, TicketCategories.FeeItems.Count);
        Assert.True(TicketCategory.KindergartenFees.IsFee());
        Assert.False(TicketCategory.Enrolment.IsFee());
        Assert.Equal(["招生入学", "师德师风", "校园安全", "食堂", "其他"], TicketCategories.NonFeeItems.Select(Labels.Of));
    }
}
