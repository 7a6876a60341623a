using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>A handling step: 签收, 退回, 更正, 另行时限, 督办, 现场核查 (what each needs; the rest stays null).</summary>
public sealed record HandlingCommand(
    TicketAction Action,
    string? Text = null,
    TicketKind? Kind = null,
    Severity? Severity = null,
    TicketCategory? Category = null,
    int? Hours = null,
    int? WorkingDays = null,
    CaseFlag? Flag = null,
    bool OnSiteVisit = false);

/// <summary>
/// The handling unit's steps (acknowledge, hand back, visit record) and the centre's (correct the intake, an urgent
/// ticket's own limit, supervision flags). The role is checked here, the state by the state machine.
/// </summary>
public sealed class TakeHandlingStep(StaffAccess access, SunshineDbContext db, DeadlinePolicy deadlines, TimeProvider clock, ILogger<TakeHandlingStep> logger)
{
    public static IReadOnlySet<TicketAction> Steps { get; } = new HashSet<TicketAction>
    {
        TicketAction.Acknowledge, TicketAction.HandBack, TicketAction.CorrectIntake, TicketAction.SetLimit, TicketAction.FlagCase, TicketAction.RecordVisit,
    };

    public async Task<Ticket> RunAsync(StaffMember member, string number, HandlingCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Steps.Contains(command.Action))
        {
            throw new StaffForbiddenException($"「{Labels.Of(command.Action)}」不能在这里执行。");
        }

        StaffPermissions.Demand(member, command.Action);
        var ticket = await access.LoadTicketAsync(member, number, ct);
        var now = clock.GetUtcNow();
        var who = member.Actor;
        switch (command.Action)
        {
            case TicketAction.Acknowledge: ticket.Acknowledge(who, now, command.Text); break;
            case TicketAction.HandBack: ticket.HandBack(who, now, command.Text ?? ""); break;
            case TicketAction.CorrectIntake:
                ticket.CorrectIntake(who, now, Defined(command.Kind), Defined(command.Severity), Defined(command.Category), command.Text ?? "", deadlines);
                break;
            case TicketAction.SetLimit: ticket.SetUrgentLimit(who, now, command.Hours, command.WorkingDays, command.Text, deadlines); break;
            case TicketAction.FlagCase:
                var days = command.WorkingDays is >= 1 and <= 60 ? command.WorkingDays.Value : throw new DomainException("督办时限应为1到60个工作日。");
                var flagDue = deadlines.Calendar.AddWorkingDays(now, days);
                ticket.FlagCase(
                    who, now, command.Flag ?? throw new DomainException("请选择督办件或专题协调件。"), flagDue, command.OnSiteVisit, command.Text,
                    CalendarEstimate.MarkOf(deadlines.Calendar, now, flagDue));
                break;
            default: ticket.RecordVisit(who, now, command.Text ?? ""); break;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ticket {Number}: {Action} by staff {User}", ticket.Number, command.Action, member.UserName);
        return ticket;
    }

    private static T? Defined<T>(T? value)
        where T : struct, Enum =>
        value is { } v && !Enum.IsDefined(v) ? throw new DomainException("受理类型、事件级别或类别无法识别。") : value;
}
