using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Parents;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Chat;

/// <summary>A file the page may show: its path and type.</summary>
public sealed record ChatFile(string Path, string ContentType);

/// <summary>
/// The pictures a parent's page may load, and only those: a photo that is a line of their own conversation, and the
/// handling unit's stamp under the official reply of their own ticket, once the reply is published.
/// </summary>
public sealed class FindChatFile(SunshineDbContext db, ImageStore images, StampStore stamps)
{
    public async Task<ChatFile?> PhotoAsync(ParentAddress? parent, string key, CancellationToken ct)
    {
        var url = ImageStore.UrlOf(key);
        var owned = parent is { } p && await db.ChatMessages.AnyAsync(m => m.Channel == p.Channel && m.UserId == p.Id && m.ImageUrl == url, ct);
        var path = images.PathOf(key);
        return owned && path is not null && File.Exists(path) ? new ChatFile(path, ImageStore.ContentTypeOf(key)) : null;
    }

    public async Task<ChatFile?> StampAsync(ParentAddress? parent, string ticketNumber, CancellationToken ct)
    {
        if (parent is not { } p)
        {
            return null;
        }

        var channel = p.Channel.ToTicketChannel();
        var unitCode = await db.Tickets.AsNoTracking()
            .Where(t => t.Number == ticketNumber && t.FiledBy == p.Id && t.Channel == channel && t.ReplyPublishedAt != null)
            .Select(t => t.HandlingUnitCode).FirstOrDefaultAsync(ct);
        var stampRef = unitCode is null ? null : await db.Units.AsNoTracking().Where(u => u.Code == unitCode).Select(u => u.StampImageRef).FirstOrDefaultAsync(ct);
        return stamps.FileOf(stampRef) is { } file ? new ChatFile(file.Path, file.ContentType) : null;
    }
}
