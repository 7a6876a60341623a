using Microsoft.Extensions.Options;
using SunshineBot.Core.Tickets;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Access;

namespace SunshineBot.Web.Staff.Units;

/// <summary>
/// 公章 images, one per unit, under <c>{Staff:DataPath}/stamps/</c>. The type is read from the bytes (PNG or JPEG
/// signatures), never from the file name or the browser's content type.
/// </summary>
public sealed class StampStore(StaffAccess access, SunshineDbContext db, IOptions<StaffOptions> options, IHostEnvironment environment)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly string[] Extensions = [".png", ".jpg"];

    public string Folder => Path.Combine(Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath), "stamps");

    /// <summary>"image/png" or "image/jpeg" for those signatures, else null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(Png) ? "image/png" : head.StartsWith(Jpeg) ? "image/jpeg" : null;

    public async Task UploadAsync(StaffMember member, string unitCode, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        StaffPermissions.DemandAdmin(member);
        var unit = await access.LoadUnitAsync(member, unitCode, ct);
        var max = options.Value.MaxStampBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new DomainException($"公章图片不能超过{max / 1024}KB。");
            }

            buffer.Write(chunk, 0, read);
        }

        var type = Sniff(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))
            ?? throw new DomainException("公章图片只能是PNG或JPEG格式。");
        var name = unit.Code + (type == "image/png" ? ".png" : ".jpg");
        Directory.CreateDirectory(Folder);
        var temp = Path.Combine(Folder, name + ".tmp");
        await File.WriteAllBytesAsync(temp, buffer.ToArray(), ct);
        File.Move(temp, Path.Combine(Folder, name), overwrite: true);
        foreach (var stale in Extensions.Where(e => unit.Code + e != name))
        {
            File.Delete(Path.Combine(Folder, unit.Code + stale));
        }

        unit.SetStamp("stamps/" + name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The stamp file of a unit in the caller's scope, or null when it has none.</summary>
    public async Task<(string Path, string ContentType)?> FindAsync(StaffMember member, string unitCode, CancellationToken ct)
    {
        var unit = await access.LoadUnitAsync(member, unitCode, ct);
        return FileOf(unit.StampImageRef);
    }

    /// <summary>The file behind a stamp reference (for channels that send the stamp with the letter).</summary>
    public (string Path, string ContentType)? FileOf(string? stampRef)
    {
        if (string.IsNullOrEmpty(stampRef))
        {
            return null;
        }

        var path = Path.Combine(Folder, Path.GetFileName(stampRef));
        if (!File.Exists(path))
        {
            return null;
        }

        return (path, path.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
    }
}
