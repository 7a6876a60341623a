using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tickets;

/// <summary>
/// Tells the parent that the official reply is out (web chat or WeChat through the outbox). Called after the
/// reply is published and saved: on approval, or on the reply itself when no review is required. The letter as the
/// parent should read it is <see cref="Ticket.ReplyText"/>; the stamp image comes from the handling unit.
/// </summary>
public interface IParentNotifier
{
    Task NotifyReplyPublishedAsync(Ticket ticket, CancellationToken ct);
}

/// <summary>The default until a channel registers a real notifier: nothing is sent.</summary>
public sealed class NoParentNotifier : IParentNotifier
{
    public Task NotifyReplyPublishedAsync(Ticket ticket, CancellationToken ct) => Task.CompletedTask;
}
