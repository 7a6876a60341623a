using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>
/// 答复规范 at publication: the system records whether the letter the parent gets has the template's shape and whether
/// the handling unit's stamp image went with it (seed 001, 一.2 deducts for each). The centre may correct it later.
/// </summary>
public sealed class RecordPublishedReply(SunshineDbContext db, TimeProvider clock)
{
    public async Task RunAsync(Ticket ticket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.ReplyPublishedAt is null)
        {
            return;
        }

        var stamp = await db.Units.AsNoTracking().Where(u => u.Code == ticket.HandlingUnitCode).Select(u => u.StampImageRef).FirstOrDefaultAsync(ct);
        ticket.RecordReplyConformity(Actor.System, clock.GetUtcNow(), ReplyTemplate.Conforms(ticket.ReplyText), !string.IsNullOrEmpty(stamp), "发布时记录");
    }
}
