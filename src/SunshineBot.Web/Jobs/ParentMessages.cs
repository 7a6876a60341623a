using SunshineBot.Conversations.Engine;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Parents;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Messages the jobs send to the parent who filed a ticket, over the parent's own channel (<see cref="ParentMessenger"/>:
/// the conversation gets the lines, the channel's sender its rows). Lines, rows and the caller's pending changes (the
/// ticket, the job mark) are saved by one SaveChanges, in one transaction.
/// </summary>
public sealed class ParentMessages(ParentMessenger messenger, SunshineDbContext db)
{
    /// <summary>Whether the ticket has a parent reachable by chat (filed over WeChat or the web chat).</summary>
    public static bool CanReach(Ticket ticket) => ParentAddress.Of(ticket) is not null;

    /// <summary>Starts the revisit flow in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task StartSurveyAsync(Ticket ticket, string sourceRef, CancellationToken ct)
    {
        var parent = Require(ticket);
        await messenger.StartFlowAsync(parent, "revisit", ticket.Number, Delivery(ticket, sourceRef), ct);
        await SaveAsync(parent, ct);
    }

    /// <summary>A system message in the parent's conversation; saves the caller's pending changes with it.</summary>
    public async Task SayAsync(Ticket ticket, string text, string sourceRef, CancellationToken ct)
    {
        var parent = Require(ticket);
        await messenger.AddAsync(parent, [OutgoingMessage.Say(text)], "system", Delivery(ticket, sourceRef), ct);
        await SaveAsync(parent, ct);
    }

    private async Task SaveAsync(ParentAddress parent, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        messenger.Wake(parent);
    }

    private static ParentDelivery Delivery(Ticket ticket, string sourceRef) =>
        new(sourceRef, $"您反映的事项（工单 {ticket.Number}）请您评价", ticket.Number);

    private static ParentAddress Require(Ticket ticket) =>
        ParentAddress.Of(ticket) ?? throw new InvalidOperationException($"Ticket {ticket.Number} has no parent reachable by chat.");
}
