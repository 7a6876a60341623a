using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Calendar;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Knowledge;

namespace SunshineBot.Web.Pages.Staff.Knowledge;

public sealed class IndexModel(KnowledgeAdmin knowledge, WorkingDayCalendar calendar) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public WorkingDayCalendar Calendar => calendar;

    public KbOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        StaffPermissions.DemandAdmin(Member);
        await ReloadAsync();
        return Page();
    }

    public IActionResult OnPostRebuild()
    {
        var report = knowledge.Rebuild(Member);
        return Done($"已重建索引：{report.EntryCount} 条问答、{report.PolicyCount} 份政策文件，{report.LoadProblems.Count} 个问题。");
    }

    protected override async Task ReloadAsync() => Overview = await knowledge.OverviewAsync(Member, HttpContext.RequestAborted);
}
