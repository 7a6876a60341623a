using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Data.Privacy;

/// <summary>
/// How a ticket's contact is stored: <see cref="Ticket.VisitorName"/> and <see cref="Ticket.VisitorPhone"/> are not
/// mapped; the columns <c>VisitorName</c> and <c>VisitorPhone</c> hold the sealed values (shadow properties) and
/// <c>VisitorPhoneIndex</c> the blind index. <see cref="SunshineDbContext"/> seals on save and opens on load, so the
/// domain sees plain values; queries by phone go through <see cref="WithPhone"/>.
/// </summary>
public static class TicketContacts
{
    public const string SealedName = "SealedVisitorName";

    public const string SealedPhone = "SealedVisitorPhone";

    public const string PhoneIndex = "VisitorPhoneIndex";

    /// <summary>A sealed 50-character Chinese name is about 330 characters, a phone number about 160.</summary>
    public const int SealedMaxLength = 400;

    public const int IndexLength = 64;

    /// <summary>Tickets whose phone number is <paramref name="phone"/> (as typed), by the blind index.</summary>
    public static IQueryable<Ticket> WithPhone(this IQueryable<Ticket> tickets, SunshineDbContext db, string phone)
    {
        ArgumentNullException.ThrowIfNull(db);
        var index = db.Contacts.Index(phone);
        return tickets.Where(t => EF.Property<string?>(t, PhoneIndex) == index);
    }

    /// <summary>The plain name and phone of one ticket without loading it (null when the ticket does not exist).</summary>
    public static async Task<(string? Name, string? Phone)?> FindContactAsync(this SunshineDbContext db, string number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.Tickets.AsNoTracking().Where(t => t.Number == number)
            .Select(t => new { Name = EF.Property<string?>(t, SealedName), Phone = EF.Property<string?>(t, SealedPhone) })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (db.OpenOrNull(row.Name), db.OpenOrNull(row.Phone));
    }

    internal static string? OpenOrNull(this SunshineDbContext db, string? value) => value is null ? null : db.Contacts.Open(value);
}
