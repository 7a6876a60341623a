using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Search;
using SunshineBot.Web.Staff.Tickets;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Pages.Staff.Tickets;

public sealed class DetailModel(
    GetTicket get,
    RevealContact reveal,
    DispatchTicket dispatch,
    ReplyToTicket reply,
    ActOnTicket act,
    TakeHandlingStep step,
    ManageUnits units,
    ReplyRules rules,
    WorkingDayCalendar calendar,
    TimeProvider clock) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    public TicketDetails Details { get; private set; } = null!;

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public ReplyLetterFields? Letter { get; private set; }

    /// <summary>Similar complaints from other parents (同类诉求), best first.</summary>
    public IReadOnlyList<SimilarTicket> Similar { get; private set; } = [];

    public WorkingDayCalendar Calendar => calendar;

    public int MinReplyLength => rules.MinLength;

    [BindProperty]
    public string? ReplyBody { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync()
    {
        Details = await reveal.RunAsync(Member, Number, HttpContext.RequestAborted);
        await LoadExtrasAsync();
        Notice = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDispatchAsync(string? unitCode, string? note)
    {
        var ticket = await dispatch.RunAsync(Member, Number, new DispatchRequest(unitCode ?? "", note), HttpContext.RequestAborted);
        var unit = (await units.ListAsync(Member, HttpContext.RequestAborted)).FirstOrDefault(u => u.Code == ticket.HandlingUnitCode);
        return Done($"已交办至「{unit?.Name ?? ticket.HandlingUnitCode}」。");
    }

    public async Task<IActionResult> OnPostReplyAsync(string? salutation, string? matter)
    {
        var ticket = await reply.RunAsync(Member, Number, new ReplyRequest(ReplyBody ?? "", salutation, matter), HttpContext.RequestAborted);
        return Done(ticket.Status == TicketStatus.PendingReview ? "答复已提交审核。" : "答复已发布。");
    }

    public async Task<IActionResult> OnPostActAsync(
        TicketAction action, string? text, int? workingDays, Satisfaction? satisfaction, string? other, Finding? finding, FaultKind? fault, bool? followsTemplate, bool? hasStamp)
    {
        var command = new TicketCommand(action, text, workingDays, satisfaction, other, finding, fault, followsTemplate, hasStamp);
        await act.RunAsync(Member, Number, command, HttpContext.RequestAborted);
        return Done($"已{Labels.Of(action)}。");
    }

    public async Task<IActionResult> OnPostStepAsync(
        TicketAction action, string? text, TicketKind? kind, Severity? severity, TicketCategory? category, int? hours, int? workingDays, CaseFlag? flag, bool onSiteVisit)
    {
        var command = new HandlingCommand(action, text, kind, severity, category, hours, workingDays, flag, onSiteVisit);
        await step.RunAsync(Member, Number, command, HttpContext.RequestAborted);
        // A ticket handed back leaves the unit's scope: back to the queue.
        return action == TicketAction.HandBack ? Done("已退回服务中心。", "/staff") : Done($"已{Labels.Of(action)}。");
    }

    public async Task<IActionResult> OnPostAskParentAsync(string? text, [FromServices] AskParentForInformation ask)
    {
        await ask.RunAsync(Member, Number, text, HttpContext.RequestAborted);
        return Done("已把需要补充的内容一次性发给家长，家长回复后会记到工单上。");
    }

    protected override async Task ReloadAsync()
    {
        Details = await get.RunAsync(Member, Number, HttpContext.RequestAborted);
        await LoadExtrasAsync();
    }

    private async Task LoadExtrasAsync()
    {
        Similar = await HttpContext.RequestServices.GetRequiredService<FindSimilarTickets>().RunAsync(Member, Number, HttpContext.RequestAborted);
        if (Details.Actions.Contains(TicketAction.Dispatch))
        {
            Units = (await units.ListAsync(Member, HttpContext.RequestAborted)).Where(u => u.Active).ToList();
        }

        if (Details.Actions.Contains(TicketAction.Reply) && Details.HandlingUnit is { } unit)
        {
            Letter = ReplyLetter.Prefill(Details.Ticket, unit, ReplyLetter.Today(calendar, clock));
        }
    }
}
