using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SunshineBot.Core.Staff;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;

namespace SunshineBot.Cli.Users;

/// <summary>
/// <c>sunshinebot users add|reset-password|disable</c>: staff accounts on the configured database (same keys as the
/// web host), hashed with the same <see cref="PasswordHasher{TUser}"/>. A generated password is printed once.
/// </summary>
internal static class UsersCommands
{
    private const int MinPasswordLength = 8;

    public static Command Create()
    {
        var userName = new Argument<string>("username") { Description = "用户名（字母、数字、. _ -）" };
        var password = new Option<string?>("--password") { Description = "密码（至少8位）；不填则生成随机密码并只显示一次" };
        var unit = new Option<string>("--unit") { Description = "所属单位代码，如 YGS-DC-001", Required = true };
        var role = new Option<StaffRole>("--role") { Description = "角色：CentreAdmin（中心管理员）、Handler（承办人）、Leader（领导）、Viewer（查看）", DefaultValueFactory = _ => StaffRole.Handler };
        var name = new Option<string?>("--name") { Description = "姓名（显示用）" };
        var openId = new Option<string?>("--wechat-openid") { Description = "微信 OpenID：重大特急件、超期等提醒也发到此微信（可不填）" };

        var add = new Command("add", "新建工作人员账号") { userName, unit, role, name, password, openId };
        add.SetAction((r, ct) => RunAsync(r, async (db, output) =>
        {
            var code = r.GetValue(unit)!.Trim().ToUpperInvariant();
            if (!await db.Units.AnyAsync(u => u.Code == code && u.Active, ct))
            {
                throw new DomainException($"单位 {code} 不存在或已停用。");
            }

            var (secret, generated) = PasswordOf(r.GetValue(password));
            var user = StaffUser.Create(r.GetValue(userName)!, r.GetValue(name) ?? "", "", r.GetValue(role), code, TimeProvider.System.GetUtcNow());
            if (await db.StaffUsers.AnyAsync(u => u.UserName == user.UserName, ct))
            {
                throw new DomainException($"用户名 {user.UserName} 已存在。");
            }

            user.SetPasswordHash(new PasswordHasher<StaffUser>().HashPassword(user, secret));
            user.SetWeChatOpenId(r.GetValue(openId));
            db.StaffUsers.Add(user);
            await db.SaveChangesAsync(ct);
            output.WriteLine($"已创建账号 {user.UserName}（{user.Role}，单位 {code}）。");
            PrintGenerated(output, generated, secret);
        }));

        var resetName = new Argument<string>("username");
        var resetPassword = new Option<string?>("--password") { Description = "新密码（至少8位）；不填则生成随机密码并只显示一次" };
        var reset = new Command("reset-password", "重置密码（同时解除锁定，已登录的会话失效）") { resetName, resetPassword };
        reset.SetAction((r, ct) => RunAsync(r, async (db, output) =>
        {
            var user = await FindAsync(db, r.GetValue(resetName)!, ct);
            var (secret, generated) = PasswordOf(r.GetValue(resetPassword));
            user.SetPasswordHash(new PasswordHasher<StaffUser>().HashPassword(user, secret));
            await db.SaveChangesAsync(ct);
            output.WriteLine($"已重置 {user.UserName} 的密码。");
            PrintGenerated(output, generated, secret);
        }));

        var disableName = new Argument<string>("username");
        var disable = new Command("disable", "停用账号（已登录的会话立即失效）") { disableName };
        disable.SetAction((r, ct) => RunAsync(r, async (db, output) =>
        {
            var user = await FindAsync(db, r.GetValue(disableName)!, ct);
            user.Disable();
            await db.SaveChangesAsync(ct);
            output.WriteLine($"已停用 {user.UserName}。");
        }));

        return new Command("users", "工作人员账号") { add, reset, disable };
    }

    private static async Task<int> RunAsync(ParseResult result, Func<SunshineDbContext, TextWriter, Task> action)
    {
        var configuration = CliConfiguration.Build();
        await using var db = CliServices.OpenDatabase(configuration);
        try
        {
            await action(db, result.InvocationConfiguration.Output);
            return 0;
        }
        catch (DomainException e)
        {
            result.InvocationConfiguration.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<StaffUser> FindAsync(SunshineDbContext db, string userName, CancellationToken ct)
    {
        var name = userName.Trim().ToLowerInvariant();
        return await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == name, ct) ?? throw new DomainException($"账号 {name} 不存在。");
    }

    private static (string Password, bool Generated) PasswordOf(string? given)
    {
        if (given is null)
        {
            return (RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 16), true);
        }

        return given.Length >= MinPasswordLength ? (given, false) : throw new DomainException($"密码至少{MinPasswordLength}位。");
    }

    private static void PrintGenerated(TextWriter output, bool generated, string password)
    {
        if (generated)
        {
            output.WriteLine($"密码（只显示这一次，请转交本人并提醒登录后修改）：{password}");
        }
    }
}
