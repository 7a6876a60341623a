using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SunshineBot.Core.Parents;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Data.Outbox;
using SunshineBot.Data.Privacy;
using SunshineBot.Web.Chat;
using SunshineBot.Web.Security;
using SunshineBot.Web.Staff.Tickets;

namespace SunshineBot.Web.Jobs.Retention;

/// <summary>
/// The retention period (<see cref="PrivacyOptions.RetentionYears"/>): a finished ticket (closed, withdrawn or merged)
/// with nothing on its timeline for that long loses the parent's data. Removed: the name, the phone, the channel
/// identity (OpenID or device), the description, the revisit record, the parent's own timeline entries, the
/// attachments (rows and files) and the parent's chat up to the ticket's end (messages and their images, handled
/// inbound, dialog state, sent WeChat messages). Staff-written texts are kept masked as a school user sees them.
/// Kept: the number, dates, kind, severity, channel, category, units, status, satisfaction, finding, faults, counts
/// and every timeline event's kind, actor name and time, so the ledger, the metrics and the scores are unchanged.
/// Batched by ticket id, one transaction per ticket with its <c>retention</c> audit entry; the
/// <c>AnonymisedAt</c> mark makes a second run (or a second instance) a no-op.
/// </summary>
public sealed class AnonymiseClosedTickets(
    SunshineDbContext db, AuditLog audit, PrivacyOptions options, ChatOptions chat, IWebHostEnvironment environment, TimeProvider clock,
    ILogger<AnonymiseClosedTickets> logger)
{
    /// <summary>What replaces a text the parent wrote.</summary>
    public const string Removed = "（超过保存期限，已删除）";

    /// <summary>The actor id of the parent's timeline entries once anonymised (was <c>parent:</c> and the channel identity).</summary>
    public const string AnonymousParent = "parent";

    /// <summary>The numbers of the tickets anonymised by this run (empty when the period is 0 or nothing is due).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        if (options.RetentionYears <= 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var cutoff = now.AddYears(-options.RetentionYears);
        var done = new List<string>();
        var after = 0L;
        while (true)
        {
            var ids = await db.Tickets.AsNoTracking()
                .Where(t => t.Id > after && EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt) == null
                    && (t.Status == TicketStatus.Closed || t.Status == TicketStatus.Withdrawn || t.Status == TicketStatus.Duplicate) && t.ReceivedAt < cutoff
                    && !db.TicketEvents.Any(e => e.TicketId == t.Id && e.At >= cutoff))
                .OrderBy(t => t.Id).Select(t => t.Id).Take(options.RetentionBatchSize).ToListAsync(ct);
            foreach (var id in ids)
            {
                if (await AnonymiseAsync(id, now, ct) is { } number)
                {
                    done.Add(number);
                }
            }

            if (ids.Count < options.RetentionBatchSize)
            {
                break;
            }

            after = ids[^1];
        }

        if (done.Count > 0)
        {
            logger.LogInformation("Retention: anonymised {Count} tickets finished before {Cutoff:yyyy-MM-dd}", done.Count, cutoff);
        }

        return done;
    }

    private async Task<string?> AnonymiseAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ticket = await db.TicketsWithHistory.AsNoTracking().SingleAsync(t => t.Id == id, ct);
        var files = new List<string>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            string? Mask(string? text) => text is null ? null : FreeTextMask.Apply(ticket, text);
            var (revisit, proposed, instruction, reply, result) = (ticket.RevisitRecord is null ? null : Removed, Mask(ticket.ProposedAction), Mask(ticket.LeaderInstruction), Mask(ticket.ReplyText), Mask(ticket.Result));
            var (redo, extension, handBack, visit) = (Mask(ticket.RedoReason), Mask(ticket.ExtensionReason), Mask(ticket.HandBackReason), Mask(ticket.VisitRecord));
            // The search indexes drop the removed text when they next catch up.
            var seq = await TicketChanges.ReserveAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), 1, ct);
            var changed = await db.Tickets
                .Where(t => t.Id == id && EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt) == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(t => EF.Property<string?>(t, TicketContacts.SealedName), (string?)null)
                    .SetProperty(t => EF.Property<string?>(t, TicketContacts.SealedPhone), (string?)null)
                    .SetProperty(t => EF.Property<string?>(t, TicketContacts.PhoneIndex), (string?)null)
                    .SetProperty(t => t.FiledBy, (string?)null)
                    .SetProperty(t => t.Description, Removed)
                    .SetProperty(t => t.RevisitRecord, revisit)
                    .SetProperty(t => t.ProposedAction, proposed)
                    .SetProperty(t => t.LeaderInstruction, instruction)
                    .SetProperty(t => t.ReplyText, reply)
                    .SetProperty(t => t.Result, result)
                    .SetProperty(t => t.RedoReason, redo)
                    .SetProperty(t => t.ExtensionReason, extension)
                    .SetProperty(t => t.HandBackReason, handBack)
                    .SetProperty(t => t.VisitRecord, visit)
                    .SetProperty(t => t.Version, t => t.Version + 1)
                    .SetProperty(t => EF.Property<long>(t, TicketChanges.ChangeSeq), seq)
                    .SetProperty(t => EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt), now), ct);
            if (changed == 0)
            {
                return null; // another instance got there first
            }

            foreach (var e in ticket.Events)
            {
                var (actorId, note) = Anonymised(ticket, e);
                if (!string.Equals(actorId, e.ActorId, StringComparison.Ordinal) || !string.Equals(note, e.Note, StringComparison.Ordinal))
                {
                    // Events are immutable to the domain (SaveChanges refuses); retention is the one sanctioned rewrite.
                    await db.TicketEvents.Where(x => x.Id == e.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.ActorId, actorId).SetProperty(x => x.Note, note), ct);
                }
            }

            files.AddRange(ticket.Attachments.Select(a => a.StorageKey));
            await db.Set<TicketAttachment>().Where(a => a.TicketId == id).ExecuteDeleteAsync(ct);
            files.AddRange(await ForgetChatAsync(ticket, ct));
            audit.Add(AuditKinds.Retention, "system", null, ticket.Number, $"保存期限{options.RetentionYears}年");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        DeleteFiles(files);
        return ticket.Number;
    }

    private static (string ActorId, string? Note) Anonymised(Ticket ticket, TicketEvent e)
    {
        if (e.ActorId.StartsWith("parent:", StringComparison.Ordinal))
        {
            return (AnonymousParent, e.Note is null ? null : Removed);
        }

        if (e.Action == TicketAction.RecordRevisit && e.Note is { } note)
        {
            // "满意；<what the parent said>": the satisfaction stays, the words go.
            var cut = note.IndexOf('；', StringComparison.Ordinal);
            return (e.ActorId, cut < 0 ? note : note[..cut] + "；" + Removed);
        }

        return (e.ActorId, e.Note is null ? null : FreeTextMask.Apply(ticket, e.Note));
    }

    /// <summary>
    /// The filer's chat up to the ticket's end, but never past the receipt of another of their tickets still kept
    /// (a day's margin for its intake dialog). Returns the image keys to delete after the commit.
    /// </summary>
    private async Task<IReadOnlyList<string>> ForgetChatAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.FiledBy is not { Length: > 0 } user || ParentChannels.FromTicket(ticket.Channel) is not { } channel)
        {
            return [];
        }

        var bound = ticket.Events.Count == 0 ? ticket.ReceivedAt : ticket.Events.Max(e => e.At);
        var kept = await db.Tickets.AsNoTracking()
            .Where(t => t.FiledBy == user && t.Id != ticket.Id && EF.Property<DateTimeOffset?>(t, TicketRetention.AnonymisedAt) == null)
            .OrderBy(t => t.ReceivedAt).Select(t => (DateTimeOffset?)t.ReceivedAt).FirstOrDefaultAsync(ct);
        if (kept is { } next && next.AddDays(-1) < bound)
        {
            bound = next.AddDays(-1);
        }

        var messages = db.ChatMessages.Where(m => m.Channel == channel && m.UserId == user && m.At <= bound);
        var images = await messages.Where(m => m.ImageUrl != null).Select(m => m.ImageUrl!).ToListAsync(ct);
        await messages.ExecuteDeleteAsync(ct);
        await db.ChatInbound.Where(m => m.Channel == channel && m.UserId == user && m.At <= bound).ExecuteDeleteAsync(ct);
        await db.ChatConversations.Where(c => c.Channel == channel && c.UserId == user && c.UpdatedAt <= bound).ExecuteDeleteAsync(ct);
        var key = channel.Key();
        await db.Outbox.Where(o => o.Channel == key && o.Recipient == user && o.CreatedAt <= bound
            && (o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Failed)).ExecuteDeleteAsync(ct);
        return images.Where(u => u.StartsWith(ImageStore.UrlPrefix, StringComparison.Ordinal)).Select(u => u[ImageStore.UrlPrefix.Length..]).ToList();
    }

    private void DeleteFiles(IEnumerable<string> keys)
    {
        var root = Path.GetFullPath(chat.UploadPath, environment.ContentRootPath);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(root, key));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                File.Delete(path);
            }
            catch (IOException e)
            {
                // The rows are gone already; a file left behind is reported, and an operator can remove it.
                logger.LogWarning(e, "Retention: could not delete an uploaded file");
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "Retention: could not delete an uploaded file");
            }
        }
    }
}
