using SunshineBot.Core.Reports;
using SunshineBot.Core.Tickets;
using SunshineBot.Data.Reports;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>The metrics as labelled lines (the xlsx export and the dashboard's table).</summary>
public static class MetricsRows
{
    public static IEnumerable<(string Name, string Value)> Of(MetricsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Metrics;
        string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string H(double? h) => h?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        yield return ("单位", $"{report.UnitName}（{report.UnitCode}）");
        yield return ("受理总量", N(m.Received));
        foreach (var (k, v) in m.ByKind) { yield return ($"受理类型：{Labels.Of(k)}", N(v)); }
        foreach (var (k, v) in m.ByChannel) { yield return ($"受理渠道：{Labels.Of(k)}", N(v)); }
        foreach (var (k, v) in m.BySeverity) { yield return ($"事件级别：{Labels.Of(k)}", N(v)); }
        foreach (var (k, v) in m.ByCategory.Where(c => c.Value > 0)) { yield return ($"问题类别：{Labels.Of(k)}", N(v)); }
        yield return ("按时答复率", m.FirstReply.Rate.Format());
        yield return ("超期答复 / 超期未答复", $"{N(m.FirstReply.Late)} / {N(m.FirstReply.Missing)}");
        foreach (var c in m.ByLimit) { yield return ($"按时答复率（{LimitLabel(c.Class)}）", c.FirstReply.Rate.Format()); }
        yield return ("按时办结率", m.Closure.Rate.Format());
        foreach (var c in m.ByLimit) { yield return ($"按时办结率（{LimitLabel(c.Class)}）", c.Closure.Rate.Format()); }
        yield return ("满意率（满意/办结回访）", $"{m.Satisfaction.Format()}（{N(m.Satisfaction.Numerator)}/{N(m.Satisfaction.Denominator)}）");
        yield return ("不满意 / 未回访", $"{N(m.Unsatisfied)} / {N(m.NotReached)}");
        yield return ("一次办结率", m.FirstTimeClosure.Format());
        yield return ("发回重办次数（工单数）", $"{N(m.Redo)}（{N(m.TicketsRedone)}）");
        yield return ("年累计办结率", m.CumulativeClosure.Format());
        yield return ("超期工作日合计", N(m.OverdueWorkingDays));
        yield return ("催办次数（工单数）", $"{N(m.Urges)}（{N(m.TicketsUrged)}）");
        yield return ("签收用时中位数 / P90（工作小时）", $"{H(m.HoursToAcknowledge.Median)} / {H(m.HoursToAcknowledge.P90)}");
        yield return ("退回后重新派发次数（工单数）", $"{N(m.Redispatches)}（{N(m.TicketsRedispatched)}）");
        yield return ("答复用时中位数 / P90（工作小时）", $"{H(m.HoursToFirstReply.Median)} / {H(m.HoursToFirstReply.P90)}");
        yield return ("办结用时中位数 / P90（工作小时）", $"{H(m.HoursToClosure.Median)} / {H(m.HoursToClosure.P90)}");
        yield return ("知识库直接解答率", m.KbDeflection.Format());
        yield return ("知识库错误率（没帮助/有评价）", m.KbError.Format());
        yield return ("收费类投诉举报", N(m.FeeComplaints));
        yield return ("核实属实（含部分属实）", N(m.Substantiated));
        yield return ("问题标签", N(m.Faults));
        yield return ("期末仍未答复", N(m.NeverAnswered.Count));
    }

    public static string LimitLabel(LimitClass c) => c switch
    {
        LimitClass.Consultation => "咨询类",
        LimitClass.Urgent => "紧急类",
        _ => "办理类",
    };
}
