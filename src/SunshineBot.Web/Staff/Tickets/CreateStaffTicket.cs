using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>A ticket taken by staff: a phone call, a walk-in visitor or a 12345 hotline transfer.</summary>
public sealed record StaffIntakeRequest
{
    public Channel Channel { get; init; }

    public TicketKind Kind { get; init; }

    public Severity Severity { get; init; } = Severity.Normal;

    public TicketCategory Category { get; init; }

    public string Description { get; init; } = "";

    public string? VisitorName { get; init; }

    public string? VisitorPhone { get; init; }

    public bool Anonymous { get; init; }

    public bool Confidential { get; init; }

    public string? SchoolName { get; init; }

    public decimal? FeeAmount { get; init; }

    public DateOnly? IncidentDate { get; init; }
}

/// <summary>受理 by staff, through the same <see cref="FileTicket"/> (and so the same validation) as the chat intake.</summary>
public sealed class CreateStaffTicket(FileTicket fileTicket)
{
    public static IReadOnlyList<Channel> StaffChannels { get; } = [Channel.Phone, Channel.WalkIn, Channel.Hotline12345];

    public async Task<Ticket> RunAsync(StaffMember member, StaffIntakeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StaffPermissions.CanFileTickets(member.Role))
        {
            throw new StaffForbiddenException("只有中心管理员可以登记新工单。");
        }

        if (!StaffChannels.Contains(request.Channel))
        {
            throw new DomainException("后台登记的工单渠道只能是电话、来访或12345热线。");
        }

        if (!Enum.IsDefined(request.Kind) || !Enum.IsDefined(request.Severity) || !Enum.IsDefined(request.Category))
        {
            throw new DomainException("受理类型、事件级别或类别无法识别。");
        }

        var intake = new TicketIntake
        {
            Kind = request.Kind,
            Severity = request.Severity,
            Channel = request.Channel,
            Category = request.Category,
            Description = request.Description,
            VisitorName = request.Anonymous ? null : request.VisitorName,
            VisitorPhone = request.VisitorPhone,
            Anonymous = request.Anonymous,
            Confidential = request.Confidential,
            SchoolName = request.SchoolName,
            ReceivingUnitCode = member.UnitCode,
            FeeAmount = request.FeeAmount,
            IncidentDate = request.IncidentDate,
        };
        return await fileTicket.RunAsync(intake, member.Actor, null, ct);
    }
}
