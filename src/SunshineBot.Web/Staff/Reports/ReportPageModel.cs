using Microsoft.AspNetCore.Mvc;

namespace SunshineBot.Web.Staff.Reports;

/// <summary>Base of the report pages that share the dashboard's query (period picker, unit, rubric) and its links.</summary>
public abstract class ReportPageModel(ReadDashboard read) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rubric { get; set; }

    public Dashboard? View { get; protected set; }

    /// <summary>The units for the picker, also when the request failed.</summary>
    public IReadOnlyList<UnitChoice> Units { get; protected set; } = [];

    public DateOnly Today => read.Today;

    protected ReadDashboard Read => read;

    protected DashboardQuery Query => new(Kind, Year, Month, Quarter, Unit, Rubric);

    /// <summary>Loads the view (and the picker's units) for the current query.</summary>
    protected async Task LoadAsync()
    {
        View = await read.RunAsync(Member, Query, HttpContext.RequestAborted);
        Units = View.Units;
    }

    protected override async Task ReloadAsync() => Units = await read.UnitsAsync(Member, HttpContext.RequestAborted);

    /// <summary>A report page's address for the current view (period, unit, rubric), optionally another period or unit.</summary>
    public string Link(string path, DashboardPeriod? period = null, string? unit = null, string? extra = null)
    {
        var v = View ?? throw new InvalidOperationException("no view loaded");
        var q = $"{(period ?? v.Period).Query}&unit={Uri.EscapeDataString(unit ?? v.Unit.Code)}&rubric={Uri.EscapeDataString(v.Rubric.Id)}";
        return $"{path}?{q}{(extra is null ? "" : "&" + extra)}";
    }
}
