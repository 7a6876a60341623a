using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Tests.Deadlines;

public class DeadlineOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(new DeadlineOptions().Validate());
    }

    [Fact]
    public void Defaults_AsTheSeedsSay()
    {
        var options = new DeadlineOptions();

        Assert.Equal((2, 2), Days(options.For(TicketKind.Consultation, Severity.Normal)));
        Assert.Equal((3, 7), Days(options.For(TicketKind.Complaint, Severity.Normal)));
        Assert.Equal((3, 7), Days(options.For(TicketKind.Report, Severity.Important)));
        Assert.Equal((1, 1), Days(options.For(TicketKind.Complaint, Severity.Urgent)));
        Assert.Equal((1, 1), Days(options.For(TicketKind.Consultation, Severity.Urgent)));
        Assert.Equal(3, options.ExtensionReasonWorkingDays);
        Assert.Equal("Deadlines", DeadlineOptions.Section);
    }

    [Fact]
    public void For_KindConfiguredButSeverityOverride_SeverityWins()
    {
        var options = new DeadlineOptions();
        options.Kinds[TicketKind.Report] = new TimeLimit { FirstReplyWorkingDays = 5, ResolutionWorkingDays = 10 };
        options.Severities[Severity.Important] = new TimeLimit { FirstReplyWorkingDays = 2, ResolutionWorkingDays = 4 };

        Assert.Equal((5, 10), Days(options.For(TicketKind.Report, Severity.Normal)));
        Assert.Equal((2, 4), Days(options.For(TicketKind.Report, Severity.Important)));
    }

    [Fact]
    public void Validate_NegativeFirstReply_NamesTheKind()
    {
        var options = new DeadlineOptions();
        options.Kinds[TicketKind.Complaint] = new TimeLimit { FirstReplyWorkingDays = -1, ResolutionWorkingDays = 7 };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("Deadlines:Complaint:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroResolution_NamesTheSeverity()
    {
        var options = new DeadlineOptions();
        options.Severities[Severity.Urgent] = new TimeLimit { FirstReplyWorkingDays = 0, ResolutionWorkingDays = 0 };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith("Deadlines:Urgent:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameDayFirstReply_Accepted()
    {
        var options = new DeadlineOptions();
        options.Severities[Severity.Urgent] = new TimeLimit { FirstReplyWorkingDays = 0, ResolutionWorkingDays = 1 };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_FirstReplyAfterResolution_SaysSo()
    {
        var options = new DeadlineOptions { Default = new TimeLimit { FirstReplyWorkingDays = 5, ResolutionWorkingDays = 3 } };

        var error = Assert.Single(options.Validate());

        Assert.Equal("Deadlines:Default: the first reply limit (5) is after the resolution limit (3)", error);
    }

    [Theory]
    [InlineData(0, 1, 15)]
    [InlineData(3, -1, 15)]
    [InlineData(3, 1, 0)]
    public void Validate_BadWindowValues_Reported(int extensionReason, int dueSoon, int maxExtension)
    {
        var options = new DeadlineOptions
        {
            ExtensionReasonWorkingDays = extensionReason,
            DueSoonWorkingDays = dueSoon,
            MaxExtensionWorkingDays = maxExtension,
        };

        var error = Assert.Single(options.Validate());

        Assert.Contains("ExtensionReasonWorkingDays", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var options = new DeadlineOptions { Default = new TimeLimit { FirstReplyWorkingDays = 3, ResolutionWorkingDays = 0 }, ExtensionReasonWorkingDays = 0 };
        options.Kinds[TicketKind.Help] = new TimeLimit { FirstReplyWorkingDays = 9, ResolutionWorkingDays = 2 };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Deadlines:Help:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Deadlines:Default:", StringComparison.Ordinal));
    }

    private static (int, int) Days(TimeLimit limit) => (limit.FirstReplyWorkingDays, limit.ResolutionWorkingDays);
}
