using Microsoft.EntityFrameworkCore;
using SunshineBot.Conversations.Engine;
using SunshineBot.Conversations.Services;
using SunshineBot.Core.Deadlines;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Privacy;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Chat;

/// <summary>Tickets as the chat sees them: filing, the duplicate guard, progress and the revisit answer.</summary>
public sealed class TicketDesk(
    SunshineDbContext db, FileTicket fileTicket, RecordRevisit recordRevisit, ConversationOptions options, TimeProvider clock, DeadlinePolicy deadlines, Jobs.StaffNotices notices)
    : ITicketDesk
{
    public async Task<FiledTicket> FileAsync(IntakeRequest request, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var parent = new Actor("parent:" + request.Intake.FiledBy, "家长");
        var attachments = request.Photos.Select(p => new TicketAttachment(p.FileName, p.ContentType, p.Size, p.StorageKey, at)).ToList();
        var ticket = await fileTicket.RunAsync(request.Intake, parent, attachments, ct);
        return new FiledTicket(ticket.Number, ticket.Severity, ticket.FirstReplyDueAt);
    }

    public async Task<TicketSummary?> FindSimilarAsync(string filedBy, TicketKind kind, string? schoolCode, string? schoolName, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-options.DuplicateWindowDays);
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.FiledBy == filedBy && t.Kind == kind && t.ReceivedAt >= since)
            // A closed ticket is never offered to fold into: a repeat after closure is a new ticket (seed 003: counted
            // as a repeat, handled again), not a note on a case nobody looks at any more.
            .Where(t => t.Status != TicketStatus.Withdrawn && t.Status != TicketStatus.Duplicate && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.ReceivedAt)
            .ToListAsync(ct);
        var same = candidates.FirstOrDefault(t =>
            (schoolCode is not null && t.SchoolUnitCode == schoolCode)
            || (schoolCode is null && schoolName is not null && t.SchoolName == schoolName)
            || (schoolCode is null && schoolName is null && t.SchoolUnitCode is null && t.SchoolName is null));
        return same is null ? null : Summarize(same);
    }

    public Task LinkToAsync(string number, string filedBy, string description, IReadOnlyList<IncomingImage> photos, CancellationToken ct) =>
        AddNoteAsync(number, filedBy, "家长再次反映（已并入本件，不重复计数）：" + description, photos, ct);

    public Task AddToAsync(string number, string filedBy, string text, IReadOnlyList<IncomingImage> photos, CancellationToken ct) =>
        AddNoteAsync(number, filedBy, text.Length == 0 ? "家长补充了图片" : "家长补充：" + text, photos, ct);

    private async Task AddNoteAsync(string number, string filedBy, string note, IReadOnlyList<IncomingImage> photos, CancellationToken ct)
    {
        var ticket = await db.TicketsWithHistory.SingleAsync(t => t.Number == number && t.FiledBy == filedBy, ct);
        var at = clock.GetUtcNow();
        var parent = new Actor("parent:" + filedBy, "家长");
        ticket.AddNote(parent, at, note);
        foreach (var photo in photos)
        {
            if (ticket.IsOpen)
            {
                ticket.AddAttachment(parent, at, new TicketAttachment(photo.FileName, photo.ContentType, photo.Size, photo.StorageKey, at));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<TicketSummary>> ListForAsync(string filedBy, string? boundPhone, CancellationToken ct)
    {
        // The bound phone is matched by its blind index: the stored number is encrypted.
        var index = boundPhone is null ? null : db.Contacts.Index(boundPhone);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.FiledBy == filedBy || (index != null && EF.Property<string?>(t, TicketContacts.PhoneIndex) == index))
            .OrderByDescending(t => t.Id).Take(20).ToListAsync(ct);
        return tickets.Select(Summarize).ToList();
    }

    public async Task<bool> PhoneMatchesAsync(string number, string phone, CancellationToken ct) =>
        await db.Tickets.Where(t => t.Number == number).WithPhone(db, phone).AnyAsync(ct);

    public async Task<TicketSummary?> FindAsync(string number, string phoneLast4, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == number, ct);
        return ticket?.VisitorPhone is { Length: >= 4 } phone && phone.EndsWith(phoneLast4, StringComparison.Ordinal) ? Summarize(ticket) : null;
    }

    public async Task<RevisitOutcome> RecordRevisitAsync(string number, string filedBy, Satisfaction satisfaction, bool? solved, string? comment, CancellationToken ct)
    {
        var ticket = await db.TicketsWithHistory.SingleOrDefaultAsync(t => t.Number == number && t.FiledBy == filedBy, ct);
        if (ticket is null || !TicketWorkflow.IsAllowed(ticket.Status, TicketAction.RecordRevisit))
        {
            return RevisitOutcome.NotApplicable;
        }

        var parent = new Actor("parent:" + filedBy, "家长");
        var record = string.Join("；", new[] { solved switch { true => "问题已解决", false => "问题未解决", _ => null }, comment }.Where(s => !string.IsNullOrWhiteSpace(s)));
        // A satisfied answer in the chat closes the ticket (staff recording a phone revisit close it themselves).
        var answer = new RevisitAnswer(satisfaction, record.Length == 0 ? null : record, comment, "家长回访" + Labels.Of(satisfaction));
        var outcome = recordRevisit.Run(ticket, parent, clock.GetUtcNow(), answer) switch
        {
            RevisitResult.SentBack => RevisitOutcome.SentBack,
            RevisitResult.Escalated => RevisitOutcome.Escalated,
            _ => RevisitOutcome.Closed,
        };
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    public async Task<bool> SupplyInformationAsync(string number, string filedBy, string text, IReadOnlyList<IncomingImage> photos, CancellationToken ct)
    {
        var ticket = await db.TicketsWithHistory.SingleOrDefaultAsync(t => t.Number == number && t.FiledBy == filedBy, ct);
        if (ticket is null || !ticket.HasUnansweredInformationRequest || !ticket.IsOpen)
        {
            return false;
        }

        var at = clock.GetUtcNow();
        var parent = new Actor("parent:" + filedBy, "家长");
        if (TicketWorkflow.IsAllowed(ticket.Status, TicketAction.SupplyInformation))
        {
            ticket.SupplyInformation(parent, at, text, deadlines);
        }
        else
        {
            // Answered after the unit replied: nothing is lost, the words are kept as a note.
            ticket.AddNote(parent, at, "家长补充（答复后收到）：" + (text.Length > 2000 ? text[..2000] : text));
        }
        foreach (var photo in photos)
        {
            ticket.AddAttachment(parent, at, new TicketAttachment(photo.FileName, photo.ContentType, photo.Size, photo.StorageKey, at));
        }

        if ((ticket.HandlingUnitCode ?? ticket.ReceivingUnitCode) is { } unit)
        {
            var staff = await notices.StaffOfUnitAsync(unit, ct);
            await notices.AddAsync($"supplied:{ticket.Number}", "supplied", ticket.Number, $"工单 {ticket.Number} 的家长已补充材料，请查看并继续办理。", staff, ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static TicketSummary Summarize(Ticket t) =>
        new(t.Number, t.Kind, t.Status, t.SchoolName, t.ReceivedAt, t.CurrentDueAt, t.ReplyPublishedAt is null ? null : t.ReplyText, t.ReplyPublishedAt);
}
