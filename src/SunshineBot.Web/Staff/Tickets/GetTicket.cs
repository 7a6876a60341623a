using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>Name and phone as this caller may see them now: masked unless revealed (and audited) in this request.</summary>
public sealed record ContactView(string? Name, string? Phone, bool Masked, bool CanReveal);

public sealed record TicketDetails(
    Ticket Ticket,
    ContactView Contact,
    DeadlineState Deadline,
    Unit? HandlingUnit,
    Unit? ReceivingUnit,
    IReadOnlyList<TicketAction> Actions,
    DeadlineState Resolution)
{
    /// <summary>
    /// The description as this caller may see it now: the complainant's name and phone (and any mobile number a parent
    /// typed) masked like the fields, unless the contact was revealed in this request.
    /// </summary>
    public string Description => Text(Ticket.Description) ?? "";

    /// <summary>
    /// Any free text of the ticket (a note, the revisit record, the result, a file name) as this caller may see it:
    /// masked unless revealed in this request; null stays null.
    /// </summary>
    public string? Text(string? text) =>
        Contact.Masked ? FreeTextMask.ApplyOrNull(Ticket, text, [HandlingUnit?.ContactPhone, ReceivingUnit?.ContactPhone]) : text;
}

/// <summary>One ticket with every field, its timeline and the actions this caller may take on it.</summary>
public sealed class GetTicket(StaffAccess access, SunshineDbContext db, DeadlinePolicy deadlines, TimeProvider clock)
{
    public async Task<TicketDetails> RunAsync(StaffMember member, string number, CancellationToken ct)
    {
        var ticket = await access.LoadTicketAsync(member, number, ct);
        return await DescribeAsync(member, ticket, revealed: false, ct);
    }

    public async Task<TicketDetails> DescribeAsync(StaffMember member, Ticket ticket, bool revealed, CancellationToken ct)
    {
        var codes = new[] { ticket.HandlingUnitCode, ticket.ReceivingUnitCode }.OfType<string>().ToArray();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        var contact = revealed
            ? new ContactView(ticket.VisitorName, ticket.VisitorPhone, false, false)
            : new ContactView(
                ticket.Anonymous ? null : NullIfEmpty(ContactInfo.MaskName(ticket.VisitorName)),
                NullIfEmpty(ContactInfo.MaskPhone(ticket.VisitorPhone)),
                true,
                StaffPermissions.CanReveal(member.Role, ticket) && (ticket.VisitorName is not null || ticket.VisitorPhone is not null));
        var now = clock.GetUtcNow();
        return new TicketDetails(
            ticket,
            contact,
            deadlines.Evaluate(ticket, now),
            units.FirstOrDefault(u => u.Code == ticket.HandlingUnitCode),
            units.FirstOrDefault(u => u.Code == ticket.ReceivingUnitCode),
            StaffPermissions.Offered(member, ticket),
            deadlines.EvaluateResolution(ticket, now));
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
