using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Tickets;
using SunshineBot.Core.Units;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Pages.Staff.Units;

public sealed class IndexModel(ManageUnits units, StampStore stamps) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        StaffPermissions.DemandAdmin(Member);
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string parentCode, string code, string name, UnitKind kind, string? contactPhone)
    {
        var unit = await units.AddAsync(Member, new AddUnitRequest(parentCode, code, name, kind, contactPhone), HttpContext.RequestAborted);
        return Done($"已添加单位「{unit.Name}」。");
    }

    public async Task<IActionResult> OnPostRenameAsync(string code, string name, string? contactPhone)
    {
        await units.RenameAsync(Member, new RenameUnitRequest(code, name, contactPhone), HttpContext.RequestAborted);
        return Done("已保存。");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string code)
    {
        await units.DeactivateAsync(Member, code, HttpContext.RequestAborted);
        return Done("已停用。");
    }

    public async Task<IActionResult> OnPostStampAsync(string code, IFormFile? stamp)
    {
        if (stamp is null || stamp.Length == 0)
        {
            throw new DomainException("请选择公章图片。");
        }

        await using var content = stamp.OpenReadStream();
        await stamps.UploadAsync(Member, code, content, HttpContext.RequestAborted);
        return Done("公章图片已上传。");
    }

    protected override async Task ReloadAsync() => Units = await units.ListAsync(Member, HttpContext.RequestAborted);
}
