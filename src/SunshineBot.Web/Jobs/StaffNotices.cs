using Microsoft.EntityFrameworkCore;
using SunshineBot.Core.Staff;
using SunshineBot.Data;
using SunshineBot.Data.Jobs;
using SunshineBot.Data.Privacy;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Web.WeChat;

namespace SunshineBot.Web.Jobs;

/// <summary>
/// Who hears about a ticket, and how: the notification list on the admin page for everyone, and for staff whose account
/// carries a WeChat OpenID also a WeChat message through the outbox (template message: staff are rarely inside the
/// 48-hour window). Everything is added to the caller's unit of work and saved with the job mark.
/// </summary>
public sealed class StaffNotices(SunshineDbContext db, TimeProvider clock, WeChatOutbox? outbox = null)
{
    /// <summary>The active staff of the unit itself (its handlers, admins and leaders).</summary>
    public async Task<IReadOnlyList<string>> StaffOfUnitAsync(string unitCode, CancellationToken ct) =>
        await db.StaffUsers.Where(u => u.Active && u.UnitCode == unitCode).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(ct);

    /// <summary>Centre admins of the units above <paramref name="unitCode"/> (its supervising centres); all centre admins when none.</summary>
    public async Task<IReadOnlyList<string>> SupervisorsOfAsync(string unitCode, CancellationToken ct)
    {
        var path = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Path).FirstOrDefaultAsync(ct);
        var admins = await db.StaffUsers.Where(u => u.Active && u.Role == StaffRole.CentreAdmin)
            .Join(db.Units, u => u.UnitCode, unit => unit.Code, (u, unit) => new { u.UserName, u.UnitCode, unit.Path })
            .ToListAsync(ct);
        var above = admins.Where(a => path is not null && a.UnitCode != unitCode && path.StartsWith(a.Path, StringComparison.Ordinal)).Select(a => a.UserName).ToList();
        return above.Count > 0 ? above : CentreAdminsAtTheTop(admins.Select(a => (a.UserName, a.Path)));
    }

    /// <summary>
    /// Adds one notification per recipient (not saved), keyed by the cause so it is listed once, and a WeChat message
    /// for each recipient with an OpenID when WeChat is configured.
    /// </summary>
    public async Task AddAsync(string cause, string kind, string? ticketNumber, string text, IEnumerable<string> userNames, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = userNames.Distinct(StringComparer.Ordinal).ToList();
        // Notices quote the parent (an urgent excerpt, a redo reason) and are never revealed: masked once, here.
        var masked = await MaskAsync(ticketNumber, text, ct);
        var body = masked.Length <= 1000 ? masked : masked[..1000];
        foreach (var user in users)
        {
            db.StaffNotifications.Add(new StaffNotification
            {
                Key = $"{cause}:{user}",
                UserName = user,
                Kind = kind,
                TicketNumber = ticketNumber,
                Text = body,
                CreatedAt = now,
            });
        }

        if (outbox is null || users.Count == 0)
        {
            return;
        }

        var openIds = await db.StaffUsers.AsNoTracking().Where(u => u.Active && u.WeChatOpenId != null && users.Contains(u.UserName))
            .Select(u => new { u.UserName, u.WeChatOpenId }).ToListAsync(ct);
        foreach (var u in openIds.OrderBy(u => u.UserName, StringComparer.Ordinal))
        {
            outbox.AddStaffAlert(u.WeChatOpenId!, body, $"staff:{cause}:{u.UserName}", TitleOf(kind), ticketNumber);
        }
    }

    private async Task<string> MaskAsync(string? ticketNumber, string text, CancellationToken ct)
    {
        var contact = ticketNumber is null ? null : await db.FindContactAsync(ticketNumber, ct);
        return FreeTextMask.Apply(contact?.Name, contact?.Phone, text);
    }

    private static string TitleOf(string kind) => kind switch
    {
        "urgent" => "重大特急件提醒",
        "due-soon" => "工单即将到期",
        "overdue" => "工单已超期",
        "late-extension" => "延期理由逾期未报",
        "sent-back" => "工单发回重办",
        "escalated" => "升级督办",
        "urgent-escalated" => "重大特急件无人确认",
        "resolution-due-soon" => "工单即将到达办结时限",
        "resolution-overdue" => "工单超过办结时限",
        "supplied" => "家长已补充材料",
        "supervision-due-soon" => "督办事项即将到期",
        "supervision-overdue" => "督办事项已超期",
        _ => "工单提醒",
    };

    // The admins of the topmost units that have any: the service centre.
    private static List<string> CentreAdminsAtTheTop(IEnumerable<(string UserName, string Path)> admins)
    {
        var list = admins.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var top = list.Min(a => a.Path.Count(c => c == '/'));
        return list.Where(a => a.Path.Count(c => c == '/') == top).Select(a => a.UserName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
