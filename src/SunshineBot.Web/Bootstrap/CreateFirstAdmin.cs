using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Staff;
using SunshineBot.Data;

namespace SunshineBot.Web.Bootstrap;

/// <summary>
/// When there is no staff account at all, creates the first centre admin on the root unit: password from
/// <c>Bootstrap:AdminPassword</c>, or a generated one printed once (it is never stored in clear or logged again).
/// </summary>
public sealed class CreateFirstAdmin(
    SunshineDbContext db,
    IPasswordHasher<StaffUser> hasher,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    ILogger<CreateFirstAdmin> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (await db.StaffUsers.AnyAsync(ct))
        {
            return;
        }

        var root = await db.Units.Where(u => u.ParentCode == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            logger.LogWarning("No units yet: the first admin will be created once a root unit exists");
            return;
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? Generate() : configured;
        var user = StaffUser.Create(options.Value.AdminUser, "系统管理员", "", StaffRole.CentreAdmin, root.Code, clock.GetUtcNow());
        user.SetPasswordHash(hasher.HashPassword(user, password));
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(ct);

        if (string.IsNullOrEmpty(configured))
        {
            // Printed to the console only, once: the operator's one chance to read it.
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine($" First admin account created: {user.UserName}");
            Console.WriteLine($" Password (shown once, change it after logging in): {password}");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }

        logger.LogInformation("Created the first admin account {User} on unit {Unit}", user.UserName, root.Code);
    }

    private static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
