using System.Globalization;
using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Reports;

namespace SunshineBot.Cli.Reports;

/// <summary>The metrics as a few readable lines.</summary>
internal static class MetricsText
{
    public static void Write(MetricsReport report, TextWriter output)
    {
        var m = report.Metrics;
        string Counts(IEnumerable<string> parts) => string.Join("，", parts);
        output.WriteLine($"{report.UnitName}（{report.UnitCode}） {report.From:yyyy-MM-dd} 至 {report.To:yyyy-MM-dd}");
        output.WriteLine($"受理 {m.Received} 件：{Counts(m.ByKind.Where(k => k.Value > 0).Select(k => $"{Labels.Of(k.Key)} {k.Value}"))}");
        output.WriteLine($"按时答复率 {m.FirstReply.Rate.Format()}（按时 {m.FirstReply.OnTime}，超期答复 {m.FirstReply.Late}，超期未答复 {m.FirstReply.Missing}，未到期 {m.FirstReply.Pending}）");
        output.WriteLine($"按时办结率 {m.Closure.Rate.Format()}；年累计办结率 {m.CumulativeClosure.Format()}；一次办结率 {m.FirstTimeClosure.Format()}");
        output.WriteLine($"满意率 {m.Satisfaction.Format()}（{m.Satisfaction.Numerator}/{m.Satisfaction.Denominator}），不满意 {m.Unsatisfied}，未回访 {m.NotReached}");
        output.WriteLine($"发回重办 {m.Redo} 次（{m.TicketsRedone} 件）；催办 {m.Urges} 次（{m.TicketsUrged} 件）；超期工作日合计 {m.OverdueWorkingDays}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"答复用时（工作小时）中位数 {m.HoursToFirstReply.Median} / P90 {m.HoursToFirstReply.P90}；办结用时 {m.HoursToClosure.Median} / {m.HoursToClosure.P90}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"签收用时（工作小时）中位数 {m.HoursToAcknowledge.Median} / P90 {m.HoursToAcknowledge.P90}（{m.HoursToAcknowledge.Count} 件）；退回后重新派发 {m.Redispatches} 次（{m.TicketsRedispatched} 件）"));
        output.WriteLine($"知识库直接解答率 {m.KbDeflection.Format()}，错误率 {m.KbError.Format()}；期末未答复 {m.NeverAnswered.Count} 件");
    }
}
