using SunshineBot.Core.Tickets;

namespace SunshineBot.Web.Tickets;

/// <summary>
/// Tells the parent that the official reply is out (web chat or WeChat through the outbox), in two steps around the
/// caller's save so that the messages are saved in the same transaction as the published reply: nothing is lost, and
/// nothing is sent for a reply that was not saved. The letter as the parent should read it is
/// <see cref="Ticket.ReplyText"/>.
/// </summary>
public interface IParentNotifier
{
    /// <summary>Adds the messages for a just-published reply to the caller's unit of work (not saved).</summary>
    Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct);

    /// <summary>After the caller saved: wakes the senders and schedules what follows (the revisit survey).</summary>
    Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct);
}

/// <summary>The default until a channel registers a real notifier: nothing is sent.</summary>
public sealed class NoParentNotifier : IParentNotifier
{
    public Task AddReplyPublishedAsync(Ticket ticket, CancellationToken ct) => Task.CompletedTask;

    public Task ReplyPublishedSavedAsync(Ticket ticket, CancellationToken ct) => Task.CompletedTask;
}
