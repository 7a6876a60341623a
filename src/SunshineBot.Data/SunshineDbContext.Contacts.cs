using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Privacy;

namespace SunshineBot.Data;

/// <summary>Sealing a ticket's name and phone on save and opening them on load (<see cref="TicketContacts"/>).</summary>
public sealed partial class SunshineDbContext
{
    private static readonly Action<Ticket, string?> SetName = Setter(nameof(Ticket.VisitorName));
    private static readonly Action<Ticket, string?> SetPhone = Setter(nameof(Ticket.VisitorPhone));

    // The plain values each loaded or saved ticket had, to see a change without decrypting again.
    private readonly ConditionalWeakTable<Ticket, StoredContact> _stored = [];

    /// <summary>The key ring and blind-index key this context seals contacts with.</summary>
    public ContactProtection Contacts => _contacts ?? throw new InvalidOperationException(
        "Names and phone numbers are encrypted: this database context needs the Data Protection keys (DataProtection:KeysPath) and Privacy:BlindIndexKey (UseContactProtection).");

    public bool HasContactProtection => _contacts is not null;

    internal void OpenContact(Ticket ticket, string? sealedName, string? sealedPhone)
    {
        var name = sealedName is null ? null : Contacts.Open(sealedName);
        var phone = sealedPhone is null ? null : Contacts.Open(sealedPhone);
        SetName(ticket, name);
        SetPhone(ticket, phone);
        _stored.AddOrUpdate(ticket, new StoredContact(name, phone));
    }

    private void SealContacts()
    {
        foreach (var entry in ChangeTracker.Entries<Ticket>())
        {
            var ticket = entry.Entity;
            var current = new StoredContact(ticket.VisitorName, ticket.VisitorPhone);
            var unchanged = entry.State switch
            {
                EntityState.Added => current is { Name: null, Phone: null },
                // A ticket not loaded through this context (attached by hand) is left as it is stored.
                EntityState.Modified or EntityState.Unchanged => !_stored.TryGetValue(ticket, out var stored) || stored == current,
                _ => true,
            };
            if (unchanged)
            {
                continue;
            }

            entry.Property<string?>(TicketContacts.SealedName).CurrentValue = current.Name is null ? null : Contacts.Seal(current.Name);
            entry.Property<string?>(TicketContacts.SealedPhone).CurrentValue = current.Phone is null ? null : Contacts.Seal(current.Phone);
            entry.Property<string?>(TicketContacts.PhoneIndex).CurrentValue = current.Phone is null ? null : Contacts.Index(current.Phone);
            _stored.AddOrUpdate(ticket, current);
        }
    }

    private static Action<Ticket, string?> Setter(string property) =>
        typeof(Ticket).GetProperty(property)!.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<Ticket, string?>>();

    private sealed record StoredContact(string? Name, string? Phone);
}
