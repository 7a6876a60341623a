using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Units;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Pages.Staff;

public sealed class IndexModel(ListTickets list, ExportLedger export, ManageUnits units, WorkingDayCalendar calendar) : StaffPageModel
{
    public QueuePage Queue { get; private set; } = null!;

    public QueueFilter Filter { get; private set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public WorkingDayCalendar Calendar => calendar;

    public async Task<IActionResult> OnGetAsync()
    {
        var (filter, error) = QueueFilterParser.Parse(key => Request.Query[key].FirstOrDefault());
        Error = error;
        Filter = filter ?? new QueueFilter();
        Units = await units.ListAsync(Member, HttpContext.RequestAborted);
        Queue = await list.RunAsync(Member, Filter, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>导出台账: the same filters as the queue on screen, every page, names and phones masked.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var (filter, error) = QueueFilterParser.Parse(key => Request.Query[key].FirstOrDefault());
        if (filter is null)
        {
            return BadRequest(error ?? "");
        }

        if (ExportLedger.ParseKind(Request.Query["format"].FirstOrDefault()) is not { } kind)
        {
            return BadRequest("导出格式只能是 csv 或 xlsx。");
        }

        var file = await export.RunAsync(Member, filter, kind, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The export link for the filters now on screen (the page number left out: the ledger has every page).</summary>
    public string ExportLink(string? format = null)
    {
        var query = Request.Query.Where(q => q.Key is not ("page" or "handler" or "format")).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["handler"] = "Export";
        if (format is not null)
        {
            query["format"] = format;
        }

        return "/staff" + Microsoft.AspNetCore.Http.QueryString.Create(query!);
    }

    public string PageLink(int page) =>
        With("page", null) is var link && link.Contains('?', StringComparison.Ordinal)
            ? $"{link}&page={page}"
            : $"{link}?page={page}";

    /// <summary>The current query string with one value changed (for the count links and paging).</summary>
    public string With(string key, string? value)
    {
        var query = Request.Query.Where(q => q.Key != key && q.Key != "page").ToDictionary(q => q.Key, q => q.Value.ToString());
        if (key == "status" || key == "due")
        {
            query.Remove("status");
            query.Remove("due");
        }

        if (!string.IsNullOrEmpty(value))
        {
            query[key] = value;
        }

        return "/staff" + Microsoft.AspNetCore.Http.QueryString.Create(query!);
    }
}
