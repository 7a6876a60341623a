using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>The handler's reply: the body, and optionally a corrected salutation or matter for the template.</summary>
public sealed record ReplyRequest(string Text, string? Salutation = null, string? Matter = null);

/// <summary>
/// 答复 on the template: refuses thin replies and unstamped units, composes the letter, and sends it to review (or
/// straight to the parent when review is off).
/// </summary>
public sealed class ReplyToTicket(
    StaffAccess access,
    SunshineDbContext db,
    ReplyRules rules,
    IOptions<StaffOptions> options,
    IParentNotifier notifier,
    RecordPublishedReply recordPublished,
    WorkingDayCalendar calendar,
    TimeProvider clock,
    ILogger<ReplyToTicket> logger)
{
    public async Task<Ticket> RunAsync(StaffMember member, string number, ReplyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffPermissions.Demand(member, TicketAction.Reply);
        var ticket = await access.LoadTicketAsync(member, number, ct);
        TicketWorkflow.Next(ticket.Status, TicketAction.Reply);
        rules.Enforce(request.Text);

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == ticket.HandlingUnitCode, ct)
            ?? throw new DomainException("工单尚未交办，不能答复。");
        var reply = options.Value.Reply;
        if (reply.RequireStamp && string.IsNullOrEmpty(unit.StampImageRef))
        {
            throw new DomainException($"「{unit.Name}」尚未上传公章图片：答复须加盖公章，请先在「单位管理」中上传。");
        }

        var fields = ReplyLetter.Prefill(ticket, unit, ReplyLetter.Today(calendar, clock));
        fields = fields with
        {
            Salutation = Clean(request.Salutation, 20) ?? fields.Salutation,
            Matter = Clean(request.Matter, 100) ?? fields.Matter,
        };
        ticket.Reply(member.Actor, clock.GetUtcNow(), ReplyLetter.Compose(fields, request.Text), reply.RequireReview);
        var published = ticket.ReplyPublishedAt is not null;
        if (published)
        {
            await recordPublished.RunAsync(ticket, ct);
            await notifier.AddReplyPublishedAsync(ticket, ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ticket {Number} replied by staff {User}", ticket.Number, member.UserName);
        if (published)
        {
            await notifier.ReplyPublishedSavedAsync(ticket, ct);
        }

        return ticket;
    }

    private static string? Clean(string? text, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= max ? trimmed : throw new DomainException($"称呼或事由过长（最多{max}字）。");
    }
}
