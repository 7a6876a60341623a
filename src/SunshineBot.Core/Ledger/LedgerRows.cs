using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;

namespace SunshineBot.Core.Ledger;

/// <summary>How a ledger is written: the calendar for local times, unit names, and whether the contact is masked.</summary>
/// <param name="UnitName">The name of a unit code (the code itself when unknown).</param>
/// <param name="Text">Free text as it goes into the file (the staff export masks names and phones typed into it).</param>
/// <param name="Masked">Name and phone masked (张** / 138****1234): every staff export. Unmasked only for re-import.</param>
public sealed record LedgerFormat(WorkingDayCalendar Calendar, Func<string, string> UnitName, Func<Ticket, string?, string> Text, bool Masked)
{
    public static LedgerFormat Unmasked(WorkingDayCalendar calendar, Func<string, string> unitName) =>
        new(calendar, unitName, (_, text) => text ?? "", Masked: false);
}

/// <summary>One ticket as one ledger line, in <see cref="LedgerColumns.All"/> order.</summary>
public static class LedgerRows
{
    /// <param name="urges">The times of the ticket's 催办 events.</param>
    /// <param name="faults">Its fault tags (问题标签), in the order tagged.</param>
    public static string[] Of(Ticket t, IEnumerable<DateTimeOffset> urges, IEnumerable<FaultKind> faults, LedgerFormat format)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(urges);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(format);
        string Time(DateTimeOffset? at) => FormatTime(format.Calendar, at);
        string Unit(string? code) => code is null ? "" : format.UnitName(code);
        string Text(string? text) => format.Text(t, text);
        var name = t.Anonymous ? LedgerColumns.Anonymous : format.Masked ? ContactInfo.MaskName(t.VisitorName) : t.VisitorName ?? "";
        var phone = format.Masked ? ContactInfo.MaskPhone(t.VisitorPhone) : t.VisitorPhone ?? "";
        return
        [
            t.Number, Time(t.ReceivedAt), name, phone, Labels.Of(t.Kind), Labels.Of(t.Severity), Labels.Of(t.Channel),
            t.ReceivingUnitCode is null ? LedgerColumns.Online : Unit(t.ReceivingUnitCode), Text(t.ReceivedBy), Unit(t.HandlingUnitCode),
            t.SchoolName ?? "", Labels.Of(t.Category), Text(t.Description), Time(t.DueAt),
            t.RedoCount > 0 && t.FirstRoundRepliedAt is { } first && first != t.RepliedAt ? Time(first) + LedgerColumns.ListSeparator + Time(t.RepliedAt) : Time(t.RepliedAt),
            Time(t.ClosedAt),
            t.ClosedBy ?? "", Text(t.ProposedAction), Text(t.LeaderInstruction), Text(t.RevisitRecord), Text(t.RedoReason),
            t.RedoCount.ToString(CultureInfo.InvariantCulture), t.Satisfaction is { } s ? Labels.Of(s) : "", Text(t.Result),
            string.Join(LedgerColumns.ListSeparator, urges.Order().Select(u => Time(u))),
            t.Finding is { } f ? Labels.Of(f) : "",
            string.Join(LedgerColumns.ListSeparator, faults.Select(Labels.Of)),
            YesNo(t.ReplyFollowsTemplate), YesNo(t.ReplyHasStamp),
        ];
    }

    private static string YesNo(bool? value) => value switch
    {
        true => "是",
        false => "否",
        null => "",
    };

    public static string FormatTime(WorkingDayCalendar calendar, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return at is { } t ? calendar.ToLocal(t).ToString(LedgerColumns.TimeFormat, CultureInfo.InvariantCulture) : "";
    }
}
