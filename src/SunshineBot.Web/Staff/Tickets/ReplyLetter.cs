using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;

namespace SunshineBot.Web.Staff.Tickets;

/// <summary>What the reply template (seed 001, annex 3) is filled with; the handler may correct the salutation and the matter.</summary>
public sealed record ReplyLetterFields(string Salutation, string Matter, string UnitName, string? UnitPhone, DateOnly Date, UnitKind UnitKind);

/// <summary>
/// 答复模板: "关于X先生（女士）反映的X问题的回复 … 现回复如下：… 感谢您对我校工作的关注和支持。如有疑问，欢迎拨打…电话…咨询。
/// 单位（公章）日期". The whole letter is what the parent receives; the handler writes only the body.
/// </summary>
public static class ReplyLetter
{
    public static ReplyLetterFields Prefill(Ticket ticket, Unit unit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(unit);
        return new ReplyLetterFields(SalutationFor(ticket), MatterOf(ticket), unit.Name, unit.ContactPhone, today, unit.Kind);
    }

    /// <summary>The surname and a neutral title: the intake does not record one, and a wrong 先生/女士 offends.</summary>
    public static string SalutationFor(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Anonymous || string.IsNullOrWhiteSpace(ticket.VisitorName))
        {
            return ticket.Kind == TicketKind.Report ? "举报人" : "家长";
        }

        return string.Concat(ticket.VisitorName.Trim().AsSpan(0, 1), "先生（女士）");
    }

    public static string MatterOf(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var school = string.IsNullOrWhiteSpace(ticket.SchoolName) ? "" : ticket.SchoolName.Trim();
        return $"{school}{Labels.Of(ticket.Category)}";
    }

    public static string Compose(ReplyLetterFields fields, string body)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var we = We(fields.UnitKind);
        var phone = string.IsNullOrWhiteSpace(fields.UnitPhone) ? "" : $"电话{fields.UnitPhone}";
        var date = fields.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return string.Join(
            "\n",
            $"关于{fields.Salutation}反映的{fields.Matter}问题的回复",
            "",
            $"{fields.Salutation}：",
            "",
            $"您好！您反映的{fields.Matter}问题已收悉。{we}进行了调查处理（核实），现回复如下：",
            "",
            body.Trim(),
            "",
            $"感谢您对{we}工作的关注和支持。如有疑问，欢迎拨打{fields.UnitName}{phone}咨询。",
            "",
            $"{fields.UnitName}（公章）",
            date);
    }

    /// <summary>How the unit speaks of itself: 我校, 我园, or 我单位 for a bureau or department.</summary>
    public static string We(UnitKind kind) => kind switch
    {
        UnitKind.School => "我校",
        UnitKind.Kindergarten => "我园",
        _ => "我单位",
    };

    public static DateOnly Today(WorkingDayCalendar calendar, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(clock);
        return calendar.LocalDate(clock.GetUtcNow());
    }
}
