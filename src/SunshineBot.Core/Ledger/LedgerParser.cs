using System.Globalization;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using C = SunshineBot.Core.Ledger.LedgerColumns;

namespace SunshineBot.Core.Ledger;

/// <summary>
/// Reads ledger lines (the header first, columns found by name) into <see cref="LedgerEntry"/> records, checking every
/// cell of every line and collecting each problem with its line and column, so one run shows them all. Checks that
/// need the database (units, numbers already there) and the workflow's own rules are the importer's.
/// </summary>
public sealed class LedgerParser(WorkingDayCalendar calendar)
{
    private static readonly string[] TimeFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d"];

    private static readonly Dictionary<string, TicketKind> Kinds = ByLabel<TicketKind>(Labels.Of);
    private static readonly Dictionary<string, Severity> Severities = ByLabel<Severity>(Labels.Of);
    private static readonly Dictionary<string, Channel> Channels = ByLabel<Channel>(Labels.Of);
    private static readonly Dictionary<string, TicketCategory> Categories = ByLabel<TicketCategory>(Labels.Of);
    private static readonly Dictionary<string, Satisfaction> Satisfactions = ByLabel<Satisfaction>(Labels.Of);

    private static readonly Dictionary<string, Finding> Findings = ByLabel<Finding>(Labels.Of);
    private static readonly Dictionary<string, FaultKind> Faults = ByLabel<FaultKind>(Labels.Of);

    public (List<LedgerEntry> Entries, List<LedgerProblem> Problems) Parse(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<LedgerProblem>();
        var entries = new List<LedgerEntry>();
        if (rows.Count == 0)
        {
            problems.Add(new(1, null, "文件是空的，没有表头。"));
            return (entries, problems);
        }

        var header = rows[0].Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in C.All)
        {
            var at = Array.IndexOf(header, column);
            if (at < 0)
            {
                problems.Add(new(1, column, "表头缺少这一列。"));
            }

            index[column] = at;
        }

        if (problems.Count > 0)
        {
            return (entries, problems);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new RowReader(i + 1, cells, index, problems, calendar);
            if (ParseRow(row) is { } entry)
            {
                if (seen.TryGetValue(entry.Number, out var first))
                {
                    problems.Add(new(entry.Row, C.Number, $"工单号 {entry.Number} 与第 {first} 行重复。"));
                    continue;
                }

                seen[entry.Number] = entry.Row;
                entries.Add(entry);
            }
        }

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(2, null, "文件没有任何工单行。"));
        }

        return (entries, problems);
    }

    private static LedgerEntry? ParseRow(RowReader r)
    {
        var before = r.ProblemCount;
        var number = r.Number();
        var received = r.Time(C.ReceivedAt, required: true);
        var name = r.Text(C.VisitorName, 50);
        var anonymous = string.Equals(name, C.Anonymous, StringComparison.Ordinal);
        if (name is not null && name.Contains('*', StringComparison.Ordinal))
        {
            r.Problem(C.VisitorName, "姓名是打码的（如 张**）。导入需要未打码的台账。");
        }

        var phone = r.Text(C.VisitorPhone, 20);
        if (phone is not null && phone.Contains('*', StringComparison.Ordinal))
        {
            r.Problem(C.VisitorPhone, "电话是打码的（如 138****1234）。导入需要未打码的台账。");
        }
        else if (phone is not null && !ContactInfo.IsPhone(ContactInfo.NormalizePhone(phone)))
        {
            r.Problem(C.VisitorPhone, $"「{phone}」不是手机号或带区号的固定电话。");
        }

        var kind = r.Choice(C.Kind, Kinds, required: true);
        var severity = r.Choice(C.Severity, Severities, required: false) ?? Severity.Normal;
        var channel = r.Choice(C.Channel, Channels, required: true);
        var category = r.Choice(C.Category, Categories, required: true);
        var description = r.Text(C.Description, TicketIntake.MaxDescriptionLength);
        if (description is null)
        {
            r.Problem(C.Description, "不能为空。");
        }

        var receiving = r.Text(C.ReceivingUnit, 100);
        // 答复时间: one time, or for a redone ticket "first round;final" (the rule books score the first round's reply).
        var replies = r.Times(C.RepliedAt);
        var replied = replies.Count > 0 ? replies[^1] : (DateTimeOffset?)null;
        var firstReplied = replies.Count == 2 ? replies[0] : (DateTimeOffset?)null;
        var closed = r.Time(C.ClosedAt, required: false);
        var due = r.Time(C.DueAt, required: false);
        var handling = r.Text(C.HandlingUnit, 100);
        var redo = r.Count(C.RedoCount);
        var redoReason = r.Text(C.RedoReason, 1000);
        var satisfaction = r.Choice(C.Satisfaction, Satisfactions, required: false);
        var result = r.Text(C.Result, 1000);
        var urges = r.Times(C.Urges);
        if (received is { } at)
        {
            r.NotBefore(C.RepliedAt, replied, at, "受理时间");
            r.NotBefore(C.ClosedAt, closed, replied ?? at, replied is null ? "受理时间" : "答复时间");
            r.NotBefore(C.DueAt, due, at, "受理时间");
            foreach (var urge in urges)
            {
                r.NotBefore(C.Urges, urge, at, "受理时间");
                if (replied is { } rep && urge > rep)
                {
                    r.Problem(C.Urges, $"催办时间 {LedgerRows.FormatTime(r.Calendar, urge)} 晚于答复时间：答复以后不能再催办。");
                }
            }
        }

        if (replied is not null && handling is null)
        {
            r.Problem(C.HandlingUnit, "有答复时间的工单必须有办理部门。");
        }

        if (closed is not null && replied is null)
        {
            r.Problem(C.RepliedAt, "已办结的工单必须有答复时间。");
        }

        if (closed is not null && result is null)
        {
            r.Problem(C.Result, "已办结的工单必须写明处理结果。");
        }

        if (satisfaction is not null && replied is null)
        {
            r.Problem(C.Satisfaction, "没有答复的工单不能有回访结果。");
        }

        if (replies.Count > 2 || (replies.Count == 2 && redo == 0))
        {
            r.Problem(C.RepliedAt, "只写一个答复时间；重办过的工单可写两个：首次答复时间;最终答复时间。");
        }

        if (redo > 0 && (redoReason is null || replied is null))
        {
            r.Problem(C.RedoReason, "重办过的工单必须有重办原因和答复时间。");
        }

        var finding = r.Choice(C.Finding, Findings, required: false);
        var tags = new List<FaultKind>();
        foreach (var tag in r.List(C.FaultTags))
        {
            if (Faults.TryGetValue(tag.Replace('（', '(').Replace('）', ')'), out var fault))
            {
                tags.Add(fault);
            }
            else
            {
                r.Problem(C.FaultTags, $"「{tag}」不是问题标签，应为 {string.Join("、", Enum.GetValues<FaultKind>().Select(Labels.Of))} 之一。");
            }
        }

        var conforms = r.YesNo(C.ReplyConforms);
        var stamped = r.YesNo(C.ReplyStamped);
        if (r.ProblemCount > before || number is null || received is null || kind is null || channel is null || category is null || description is null)
        {
            return null;
        }

        return new LedgerEntry
        {
            Row = r.Line, Number = number, ReceivedAt = received.Value, VisitorName = anonymous ? null : name, VisitorPhone = phone,
            Anonymous = anonymous, Kind = kind.Value, Severity = severity, Channel = channel.Value,
            ReceivingUnit = receiving is null or C.Online ? null : receiving, ReceivedBy = r.Text(C.ReceivedBy, 64), HandlingUnit = handling,
            School = r.Text(C.School, 100), Category = category.Value, Description = description, DueAt = due, RepliedAt = replied, FirstRepliedAt = firstReplied,
            ClosedAt = closed, ClosedBy = r.Text(C.ClosedBy, 64), ProposedAction = r.Text(C.ProposedAction, 1000),
            LeaderInstruction = r.Text(C.LeaderInstruction, 1000), RevisitRecord = r.Text(C.RevisitRecord, 1000), RedoReason = redoReason,
            RedoCount = redo, Satisfaction = satisfaction, Result = result, Urges = urges, Finding = finding, FaultTags = tags,
            ReplyConforms = conforms, ReplyStamped = stamped,
        };
    }

    private static Dictionary<string, T> ByLabel<T>(Func<T, string> label)
        where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            map.TryAdd(label(value), value);
            map.TryAdd(value.ToString(), value);
        }

        return map;
    }

    /// <summary>Midnight of a local date in the calendar's time zone.</summary>
    public static DateTimeOffset StartOfDay(WorkingDayCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var wall = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }

    internal static DateTimeOffset? ParseTime(WorkingDayCalendar calendar, string text)
    {
        DateTime local;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            // A date typed in Excel arrives as its serial number.
            local = DateTime.FromOADate(serial);
        }
        else if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
        {
            return null;
        }

        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, calendar.TimeZone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
