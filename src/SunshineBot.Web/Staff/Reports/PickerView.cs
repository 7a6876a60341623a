using System.Globalization;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>The period / unit / rubric picker of the report pages, filled from the loaded view or, after an error, the request.</summary>
public sealed record PickerView(string Action, string Kind, string Year, int Month, int Quarter, string Unit, string Rubric, IReadOnlyList<UnitChoice> Units, IReadOnlyList<string> RubricIds)
{
    public static PickerView Of(string action, ReportPageModel page, IReadOnlyList<UnitChoice> units)
    {
        ArgumentNullException.ThrowIfNull(page);
        var v = page.View;
        var today = page.Today;
        return new PickerView(
            action,
            v?.Period.KindKey ?? (page.Kind ?? "year"),
            v?.Period.Year.ToString(CultureInfo.InvariantCulture) ?? page.Year ?? today.Year.ToString(CultureInfo.InvariantCulture),
            v?.Period.Kind == PeriodKind.Month ? v.Period.Number : today.Month,
            v?.Period.Kind == PeriodKind.Quarter ? v.Period.Number : ((today.Month - 1) / 3) + 1,
            v?.Unit.Code ?? page.Unit ?? page.Member.UnitCode,
            v?.Rubric.Id ?? page.Rubric ?? ReadDashboard.DefaultRubric,
            units,
            ReadReports.RubricIds);
    }
}
