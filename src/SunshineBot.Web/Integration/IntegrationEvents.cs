using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;

namespace SunshineBot.Web.Integration;

/// <summary>
/// One outbound event as posted to a platform. <see cref="EventId"/> ("{number}:{sequence}", the timeline entry it
/// reports) is the same on every retry and replay: a receiver that has seen it may ignore it.
/// </summary>
public sealed record IntegrationEvent(
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    string Number,
    string? ExternalNumber,
    string Status,
    string? UnitCode,
    DateTimeOffset? DueAt,
    string? ReplyText = null,
    string? Result = null,
    string? Satisfaction = null);

/// <summary>
/// Writes the integration events of a save into the outbox in that same save (an interceptor, so every path that
/// changes a ticket — chat, staff, jobs, the integration itself — reports the same way and nothing is lost between the
/// change and its event).
/// </summary>
public sealed class IntegrationEvents(IntegrationPlatforms platforms, IntegrationSignal signal, TimeProvider clock) : SaveChangesInterceptor
{
    public const string Channel = "integration";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<OutboxMessage>> _wrote = [];

    public static class Types
    {
        public const string Filed = "ticket.filed";
        public const string Dispatched = "ticket.dispatched";
        public const string Replied = "ticket.replied";
        public const string Closed = "ticket.closed";
        public const string Revisited = "ticket.revisited";
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEvents(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData.Context);
        return result;
    }

    // Only a save that wrote events wakes the dispatcher: waking it on every save (each parent turn) cost a query each.
    private void Wake(DbContext? context)
    {
        if (context is not null && _wrote.Remove(context))
        {
            signal.Notify();
        }
    }

    private void AddEvents(DbContext? context)
    {
        if (context is not SunshineDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var rows = new List<OutboxMessage>();
        foreach (var ticket in db.ChangeTracker.Entries<Ticket>().Select(e => e.Entity).ToList())
        {
            var receivers = platforms.ReceiversOf(ticket.ExternalSource).ToList();
            if (receivers.Count == 0)
            {
                continue;
            }

            foreach (var ev in ticket.Events.Where(e => db.Entry(e).State == EntityState.Added))
            {
                if (Describe(ticket, ev) is not { } payload)
                {
                    continue;
                }

                var json = JsonSerializer.Serialize(payload, Json);
                rows.AddRange(receivers.Select(name => new OutboxMessage
                {
                    Channel = Channel,
                    Recipient = name,
                    Kind = OutboxKind.Webhook,
                    Route = OutboxRoute.Webhook,
                    Status = OutboxStatus.Pending,
                    PayloadJson = json,
                    CreatedAt = clock.GetUtcNow(),
                    NextAttemptAt = clock.GetUtcNow(),
                    SourceRef = payload.EventId,
                }));
            }
        }

        db.Outbox.AddRange(rows);
        if (rows.Count > 0)
        {
            _wrote.AddOrUpdate(db, rows);
        }
    }

    /// <summary>The event a timeline entry is worth reporting as, or null (notes, reviews, reveals stay inside).</summary>
    public static IntegrationEvent? Describe(Ticket ticket, TicketEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(ev);
        var type = ev.Action switch
        {
            TicketAction.Receive => Types.Filed,
            TicketAction.Dispatch => Types.Dispatched,
            TicketAction.Reply when ev.ToStatus == TicketStatus.Replied => Types.Replied,
            TicketAction.Approve => Types.Replied,
            TicketAction.Close => Types.Closed,
            TicketAction.RecordRevisit => Types.Revisited,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        return new IntegrationEvent(
            $"{ticket.Number}:{ev.Sequence}", type, ev.At, ticket.Number, ticket.ExternalNumber, ev.ToStatus.ToString(), ticket.HandlingUnitCode, ticket.CurrentDueAt,
            ReplyText: type == Types.Replied ? ticket.ReplyText : null,
            Result: type == Types.Closed ? ticket.Result : null,
            Satisfaction: type == Types.Revisited ? ticket.Satisfaction?.ToString() : null);
    }
}

/// <summary>Wakes the integration dispatcher when a save wrote events (instead of waiting for its next poll).</summary>
public sealed class IntegrationSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public void Dispose() => _wake.Dispose();
}
