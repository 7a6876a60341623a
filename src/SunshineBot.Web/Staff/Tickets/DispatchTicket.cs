using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

public sealed record DispatchRequest(string UnitCode, string? Note);

/// <summary>交办: to a unit in the caller's subtree; the limits keep running from receipt (shown on the page).</summary>
public sealed class DispatchTicket(StaffAccess access, SunshineDbContext db, TimeProvider clock, ILogger<DispatchTicket> logger, IEnumerable<ITicketDispatchedHook> hooks)
{
    public async Task<Ticket> RunAsync(StaffMember member, string number, DispatchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.Demand(member, TicketAction.Dispatch);
        if (string.IsNullOrWhiteSpace(request.UnitCode))
        {
            throw new DomainException("请选择承办单位。");
        }

        var ticket = await access.LoadTicketAsync(member, number, ct);
        Core.Units.Unit unit;
        try
        {
            unit = await access.LoadUnitAsync(member, request.UnitCode, ct);
        }
        catch (StaffNotFoundException)
        {
            throw new DomainException($"承办单位 {request.UnitCode} 不存在或不在本单位管辖范围内。");
        }

        if (!unit.Active)
        {
            throw new DomainException($"承办单位「{unit.Name}」已停用。");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? unit.Name : $"{unit.Name}：{request.Note.Trim()}";
        ticket.Dispatch(member.Actor, clock.GetUtcNow(), unit.Code, note);
        foreach (var hook in hooks)
        {
            await hook.BeforeSaveAsync(ticket, unit, ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ticket {Number} dispatched to {Unit} by staff {User}", ticket.Number, unit.Code, member.UserName);
        return ticket;
    }
}

/// <summary>Work that belongs to dispatching a ticket (the urgent alert to the new unit): saved with the dispatch.</summary>
public interface ITicketDispatchedHook
{
    Task BeforeSaveAsync(Ticket ticket, Core.Units.Unit unit, CancellationToken ct);
}
