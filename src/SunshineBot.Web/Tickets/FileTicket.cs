using SunshineBot.Core.Calendar;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Tickets;

namespace SunshineBot.Web.Tickets;

/// <summary>
/// 受理: turns an intake (from the chat, or staff taking a phone call / walk-in / 12345 ticket) into a numbered
/// ticket with its limits, in one transaction. Validation is the domain's, so every channel gets the same rules.
/// </summary>
public sealed class FileTicket(
    SunshineDbContext db, TicketNumberGenerator numbers, DeadlinePolicy deadlines, WorkingDayCalendar calendar, TimeProvider clock, IEnumerable<ITicketFiledHook> hooks)
{
    public Task<Ticket> RunAsync(TicketIntake intake, Actor receivedBy, IReadOnlyList<TicketAttachment>? attachments = null, CancellationToken ct = default) =>
        RunAsync(intake, receivedBy, attachments, null, ct);

    /// <param name="receivedAt">
    /// When another platform received it (12345), if earlier than now: the limits run from then. Never in the future.
    /// </param>
    public async Task<Ticket> RunAsync(TicketIntake intake, Actor receivedBy, IReadOnlyList<TicketAttachment>? attachments, DateTimeOffset? receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var now = clock.GetUtcNow();
        var at = receivedAt is { } earlier && earlier < now ? earlier.ToUniversalTime() : now;
        var number = await numbers.NextAsync(calendar.LocalDate(now), ct);
        var ticket = Ticket.Receive(intake, number, receivedBy, at, deadlines);
        foreach (var attachment in attachments ?? [])
        {
            ticket.AddAttachment(receivedBy, now, attachment);
        }

        db.Tickets.Add(ticket);
        foreach (var hook in hooks)
        {
            await hook.BeforeSaveAsync(ticket, ct);
        }

        await db.SaveChangesAsync(ct);
        return ticket;
    }
}

/// <summary>Work that belongs to filing a ticket (the urgent alert): added to the same unit of work, saved with the ticket.</summary>
public interface ITicketFiledHook
{
    Task BeforeSaveAsync(Ticket ticket, CancellationToken ct);
}
