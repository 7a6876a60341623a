using Microsoft.AspNetCore.Mvc;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Units;
using SunshineBot.Web.Staff;
using SunshineBot.Web.Staff.Access;
using SunshineBot.Web.Staff.Units;
using SunshineBot.Web.Staff.Users;

namespace SunshineBot.Web.Pages.Staff.Users;

public sealed class IndexModel(ManageUsers users, ManageUnits units) : StaffPageModel
{
    protected override bool AdminOnly => true;

    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        StaffPermissions.DemandAdmin(Member);
        await ReloadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string userName, string displayName, string password, StaffRole role, string unitCode)
    {
        var user = await users.AddAsync(Member, new AddUserRequest(userName, displayName, password, role, unitCode), HttpContext.RequestAborted);
        return Done($"已创建账号 {user.UserName}。");
    }

    public async Task<IActionResult> OnPostResetAsync(string userName, string password)
    {
        await users.ResetPasswordAsync(Member, userName, password, HttpContext.RequestAborted);
        return Done($"已重置 {userName} 的密码。");
    }

    public async Task<IActionResult> OnPostAssignAsync(string userName, StaffRole role, string unitCode)
    {
        await users.AssignAsync(Member, userName, role, unitCode, HttpContext.RequestAborted);
        return Done($"已更新 {userName} 的角色和单位。");
    }

    public async Task<IActionResult> OnPostEnableAsync(string userName)
    {
        await users.EnableAsync(Member, userName, HttpContext.RequestAborted);
        return Done($"已重新启用 {userName}。");
    }

    public async Task<IActionResult> OnPostWeChatAsync(string userName, string? openId)
    {
        await users.SetWeChatOpenIdAsync(Member, userName, openId, HttpContext.RequestAborted);
        return Done(string.IsNullOrWhiteSpace(openId) ? $"已取消 {userName} 的微信提醒。" : $"已为 {userName} 绑定微信提醒。");
    }

    public async Task<IActionResult> OnPostDisableAsync(string userName)
    {
        await users.DisableAsync(Member, userName, HttpContext.RequestAborted);
        return Done($"已停用 {userName}。");
    }

    protected override async Task ReloadAsync()
    {
        Users = await users.ListAsync(Member, HttpContext.RequestAborted);
        Units = await units.ListAsync(Member, HttpContext.RequestAborted);
    }
}
