using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SunshineBot.Core.Units;
using SunshineBot.Data;
using SunshineBot.Web.Staff.Units;

namespace SunshineBot.Web.Bootstrap;

/// <summary>
/// On an empty database, a small demo tree: a city bureau with its sunshine service centre, two districts and a few
/// schools, so a first run has somewhere to dispatch to. Real deployments replace it on the admin page.
/// </summary>
public sealed class SeedDemoUnits(SunshineDbContext db, IOptions<BootstrapOptions> options, StampStore stamps, ILogger<SeedDemoUnits> logger)
{
    public const string RootCode = "YGS";
    public const string CentreCode = "YGS-CENTRE";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!options.Value.DemoUnits || await db.Units.AnyAsync(ct))
        {
            return;
        }

        var bureau = Unit.CreateRoot(RootCode, "阳光市教育局", UnitKind.City, "0734-8000000");
        var centre = bureau.CreateChild(CentreCode, "阳光市教育阳光服务中心", UnitKind.Department, "0734-8000001");
        var east = bureau.CreateChild("YGS-DC", "东城区教育局", UnitKind.County, "0734-8100000");
        var west = bureau.CreateChild("YGS-XC", "西城区教育局", UnitKind.County, "0734-8200000");
        db.Units.AddRange(
            bureau,
            centre,
            east,
            west,
            east.CreateChild("YGS-DC-001", "东城区第一小学", UnitKind.School, "0734-8100101"),
            east.CreateChild("YGS-DC-002", "东城区实验中学", UnitKind.School, "0734-8100102"),
            east.CreateChild("YGS-DC-003", "东城区阳光幼儿园", UnitKind.Kindergarten, "0734-8100103"),
            west.CreateChild("YGS-XC-001", "西城区第二小学", UnitKind.School, "0734-8200101"),
            west.CreateChild("YGS-XC-002", "西城区第三中学", UnitKind.School, "0734-8200102"));
        if (options.Value.DemoStamps)
        {
            await AddDemoStampsAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo unit tree under {Root}", RootCode);
    }

    // One picture for every demo unit, plainly marked 示例 and 演示用 非正式公章: replies work out of the box, and no
    // one mistakes it for a real seal. Real units upload theirs on the units page or PUT /api/staff/units/{code}/stamp.
    private async Task AddDemoStampsAsync(CancellationToken ct)
    {
        await using var resource = typeof(SeedDemoUnits).Assembly.GetManifestResourceStream("SunshineBot.Web.Bootstrap.demo-stamp.png")
            ?? throw new InvalidOperationException("The demo stamp resource is missing.");
        using var buffer = new MemoryStream();
        await resource.CopyToAsync(buffer, ct);
        Directory.CreateDirectory(stamps.Folder);
        foreach (var unit in db.ChangeTracker.Entries<Unit>().Select(e => e.Entity))
        {
            var file = Path.Combine(stamps.Folder, unit.Code + ".png");
            if (!File.Exists(file))
            {
                await File.WriteAllBytesAsync(file, buffer.ToArray(), ct);
            }

            unit.SetStamp($"stamps/{unit.Code}.png");
        }
    }
}
